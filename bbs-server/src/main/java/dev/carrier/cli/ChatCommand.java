package dev.carrier.cli;

import dev.carrier.admin.Admin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code carrier chat HANDLE}: the sysop at the console breaks in on a caller for a two-person chat. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Breaks in on a caller for a chat with the console.",
            "%nRings the caller's bell and puts them, wherever they are on the BBS, in a two-person chat "
                    + "with the sysop: each line typed here reaches them, theirs are shown here. /end (or the end "
                    + "of input) ends it, and the caller is back exactly where they were. Written to the audit log."},
        footer = {"", "Examples:", "  carrier chat bob"})
public final class ChatCommand implements Callable<Integer> {

    @Mixin
    AdminOptions admin;

    @Parameters(paramLabel = "HANDLE", description = "Whom to chat with.")
    String handle;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = admin.out();
        CountDownLatch over = new CountDownLatch(1);
        try (Admin data = admin.connect()) {
            Admin.Feed feed = data.tail(event -> {
                if (!handle.equalsIgnoreCase(event.handle())) return;
                boolean ended = event.kind().equals("breakin_end");
                if (!ended && !event.kind().equals("breakin")) return;
                synchronized (out) {
                    out.println(event.text());
                    out.flush();
                }
                if (ended) over.countDown();
            });
            try {
                data.chatOpen(handle);
                if (admin.console().isPresent()) {
                    talk(data, over); // the console's own line reader: one reader at a time
                } else {
                    // Standard input may stay silent after the caller ends the chat: do not wait for it.
                    Thread typing = new Thread(() -> talk(data, over), "carrier-chat-input");
                    typing.setDaemon(true);
                    typing.start();
                }
                over.await();
            } finally {
                feed.stop();
            }
        }
        return 0;
    }

    /** Sends what is typed until /end, the end of input, or the caller ending the chat. */
    private void talk(Admin data, CountDownLatch over) {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
        while (over.getCount() > 0) {
            Optional<String> line = admin.console().isPresent() ? admin.console().get().readLine("")
                    : readLine(stdin);
            if (over.getCount() == 0) return;
            if (line.isEmpty() || line.get().strip().equalsIgnoreCase("/end")) {
                data.chatEnd(handle);
                return;
            }
            if (!line.get().isBlank()) data.chatSay(handle, line.get());
        }
    }

    private static Optional<String> readLine(BufferedReader in) {
        try {
            return Optional.ofNullable(in.readLine());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

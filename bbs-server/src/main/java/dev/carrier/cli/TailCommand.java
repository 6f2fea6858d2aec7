package dev.carrier.cli;

import dev.carrier.admin.Admin;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code carrier tail}: the running server's live feed. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Follows connects, logins and chat live.",
            "%nFollows the running server live: connects, logins, logouts, disconnects and the chat "
                    + "room's lines (never direct messages). Runs until Ctrl-C, or in the console until a "
                    + "key is pressed."},
        footer = {"", "Examples:", "  carrier tail", "  carrier tail --count 20"})
public final class TailCommand implements Callable<Integer> {

    @Mixin
    AdminOptions admin;

    @Option(names = "--count", paramLabel = "N", description = "Stop after N events.")
    Integer count;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = admin.out();
        Optional<ConsoleContext> console = admin.console();
        CountDownLatch enough = new CountDownLatch(1);
        AtomicInteger seen = new AtomicInteger();
        try (Admin data = admin.connect()) {
            Admin.Feed feed = data.tail(event -> {
                int number = seen.incrementAndGet();
                if (count != null && number > count) return; // arrived before the feed stopped
                synchronized (out) {
                    out.println(Format.tail(event));
                    out.flush();
                }
                if (count != null && number == count) enough.countDown();
            });
            if (console.isPresent()) {
                out.println("(live; press any key to stop)");
                out.flush();
            }
            Thread ended = new Thread(() -> {
                try {
                    feed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                enough.countDown();
            }, "carrier-tail-end");
            ended.setDaemon(true);
            ended.start();
            if (console.isPresent() && count == null) {
                console.get().untilKey(feed);
            } else {
                enough.await();
                boolean serverWentAway = feed.ended();
                feed.stop();
                if (serverWentAway) {
                    out.println("(the server closed the feed: it is stopping)");
                    out.flush();
                }
            }
        }
        return 0;
    }
}

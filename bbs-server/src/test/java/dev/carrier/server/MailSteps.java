package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;

import dev.carrier.telnet.TelnetTestClient;
import java.util.List;

/** What a caller types to get around mail, for the mail and profile tests. */
final class MailSteps {

    static final String INBOX_PROMPT = "Mail: ";

    private MailSteps() {}

    /** From the main menu into the inbox; returns what was read up to its prompt, the list among it. */
    static String openInbox(TelnetTestClient client) {
        client.send("m");
        return client.awaitText(INBOX_PROMPT, WAIT);
    }

    /** From the inbox: writes a letter, sends it, and waits until it is acknowledged and the inbox is back. */
    static void write(TelnetTestClient client, String to, String subject, List<String> lines) {
        startLetter(client, to, subject);
        for (String line : lines) client.sendLine(line);
        client.sendLine("/s");
        client.awaitText("Letter sent to ", WAIT);
        client.awaitText(INBOX_PROMPT, WAIT);
    }

    /** From the main menu: opens mail, writes and sends a letter, and goes back to the main menu. */
    static void mail(TelnetTestClient client, String to, String subject, String... lines) {
        openInbox(client);
        write(client, to, subject, List.of(lines));
        client.sendLine("q");
        client.awaitText("Main menu: ", WAIT);
    }

    /** From the inbox: {@code W}, {@code To:}, {@code Subject:}, and the first body prompt. */
    static void startLetter(TelnetTestClient client, String to, String subject) {
        client.sendLine("w");
        client.awaitText("To: ", WAIT);
        client.sendLine(to);
        client.awaitText("Subject: ", WAIT);
        client.sendLine(subject);
        client.awaitText("  1: ", WAIT);
    }

    /** From the login prompt: registers {@code handle} with the password {@code secret-HANDLE}, up to the main menu. */
    static void register(TelnetTestClient client, String handle) {
        client.awaitText("login: ", WAIT);
        client.sendLine("new");
        client.awaitText("new handle: ", WAIT);
        client.sendLine(handle);
        client.awaitText("new password: ", WAIT);
        client.sendLine("secret-" + handle);
        client.awaitText("repeat password: ", WAIT);
        client.sendLine("secret-" + handle);
        client.awaitText("Main menu: ", WAIT);
    }
}

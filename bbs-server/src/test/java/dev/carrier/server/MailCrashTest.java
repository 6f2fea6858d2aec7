package dev.carrier.server;

import static dev.carrier.server.MailSteps.openInbox;
import static dev.carrier.server.MailSteps.register;
import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed with SIGKILL while letters are being sent keeps every letter it acknowledged,
 * whole, and no part of any other: it runs as a real process, is killed in the middle of a burst
 * of sends, and a fresh server on the same data folder is asked what it has.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MailCrashTest {

    private static final int LETTERS = 20;
    private static final int KILL_AFTER_ACKS = 5;
    private static final int LINES = 40;
    private static final String ACK = "Letter sent to bob.";

    @TempDir
    Path data;

    private ChildServer server;

    @AfterEach
    void killLeftovers() throws InterruptedException {
        if (server != null) server.close();
    }

    @Test
    void everyAcknowledgedLetterSurvivesAKillAndNoneIsStoredInPart() throws Exception {
        server = ChildServer.start(data);
        int port = server.telnetPort();

        int acknowledged;
        try (TelnetTestClient bob = TelnetTestClient.connect("127.0.0.1", port);
             TelnetTestClient alice = TelnetTestClient.connect("127.0.0.1", port)) {
            register(bob, "bob");
            register(alice, "alice");
            openInbox(alice);

            // Every letter typed at once: the session takes them one after another, each waiting for
            // its store. The kill lands while the later ones are being sent.
            StringBuilder typed = new StringBuilder();
            for (int i = 1; i <= LETTERS; i++) typed.append(letterAsTyped(i));
            alice.send(typed.toString());
            for (int i = 0; i < KILL_AFTER_ACKS; i++) alice.awaitText(ACK, WAIT);

            server.kill(); // SIGKILL: no shutdown hook, no goodbye, no clean close
            assertTrue(alice.awaitClosed(WAIT));
            acknowledged = occurrences(alice.transcript(), ACK);
        }

        try (TestServer again = TestServer.start(data)) {
            Map<String, String> stored = letters(again);
            assertTrue(stored.size() >= acknowledged,
                    "acknowledged " + acknowledged + " letters, but only " + stored.size() + " were kept");
            for (int i = 1; i <= acknowledged; i++) {
                assertTrue(stored.containsKey(subject(i)), "acknowledged letter " + i + " is missing: " + stored.keySet());
            }
            for (Map.Entry<String, String> letter : stored.entrySet()) {
                int number = Integer.parseInt(letter.getKey().substring("crash test ".length()));
                assertEquals(body(number), letter.getValue(), "letter " + number + " was not kept whole");
            }

            TelnetTestClient bob = again.login("bob", "secret-bob");
            bob.awaitText("You have " + stored.size() + " new letter", WAIT);
        }
    }

    private static String subject(int number) {
        return "crash test " + number;
    }

    private static String body(int number) {
        StringBuilder body = new StringBuilder();
        for (int line = 1; line <= LINES; line++) {
            if (line > 1) body.append('\n');
            body.append("letter ").append(number).append(", line ").append(line).append(" of ").append(LINES);
        }
        return body.toString();
    }

    /** What alice types at the inbox prompt for one letter, /s included. */
    private static String letterAsTyped(int number) {
        return "w\r\nbob\r\n" + subject(number) + "\r\n" + body(number).replace("\n", "\r\n") + "\r\n/s\r\n";
    }

    private static Map<String, String> letters(TestServer bbs) {
        return bbs.server().database().withConnection(c -> {
            Map<String, String> letters = new HashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT subject, body FROM letters WHERE recipient = 'bob'")) {
                while (rs.next()) letters.put(rs.getString(1), rs.getString(2));
            }
            return letters;
        });
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) count++;
        return count;
    }
}

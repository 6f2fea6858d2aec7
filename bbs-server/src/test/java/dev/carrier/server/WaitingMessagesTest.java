package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrier.chat.ChatConfig;
import dev.carrier.message.DirectMessage;
import dev.carrier.message.MessageStore;
import dev.carrier.message.SqliteMessageStore;
import dev.carrier.telnet.TelnetTestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Direct messages that wait for their reader: capped per recipient, shown a screenful at a
 * time, and counted as delivered only once written to a connection, so none is lost.
 */
class WaitingMessagesTest {

    private static final Pattern SEEN = Pattern.compile("\\] msg-(\\d{3})");

    @TempDir
    Path data;

    /** No send budget in the way, and room for 600 waiting messages. */
    private TestServer start(int maxWaiting) {
        return TestServer.start(ServerConfig.forTests(data).withChat(ChatConfig.defaults()
                .withFlood(0, Duration.ofSeconds(1)).withMaxWaitingMessages(maxWaiting)));
    }

    private static MessageStore store(TestServer bbs) {
        return new SqliteMessageStore(bbs.server().database());
    }

    private static void seed(TestServer bbs, String from, String to, int count) {
        MessageStore store = store(bbs);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 1; i <= count; i++) {
            store.save(new DirectMessage(UUID.randomUUID(), from, to, String.format("msg-%03d", i),
                    start.plusSeconds(i), DirectMessage.Method.OFFLINE, Optional.empty(), Optional.empty()));
        }
    }

    private static List<Integer> seen(String text) {
        List<Integer> numbers = new ArrayList<>();
        Matcher matcher = SEEN.matcher(text);
        while (matcher.find()) numbers.add(Integer.parseInt(matcher.group(1)));
        return numbers;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = from; i <= to; i++) numbers.add(i);
        return numbers;
    }

    @Test
    void aDmFloodToAnOfflineUserStopsAtTheCapAndTheSenderIsToldOnEveryTransport() {
        try (TestServer bbs = start(30)) {
            bbs.createUser("bob", "secret-bob");
            JsonClient alice = bbs.json("alice").connect();
            for (int i = 0; i < 40; i++) alice.send("send_message", JsonClient.body("to", "bob", "text", "spam " + i));
            JsonNode full = alice.await("error", d -> d.path("code").asText().equals("recipient_full"));
            assertTrue(full.path("message").asText().contains("bob's mailbox of waiting messages is full"),
                    full.toString());
            await().atMost(WAIT).until(() -> alice.all("error").size() + alice.all("new_message").size() == 40);
            assertEquals(10, alice.all("error").size());
            assertEquals(30, store(bbs).countWaiting("bob"));

            TelnetTestClient carol = bbs.inChat("carol");
            carol.sendLine("/msg bob one more");
            carol.awaitText("*** bob's mailbox of waiting messages is full (30); try mail or later", WAIT);
            assertEquals(30, store(bbs).countWaiting("bob"));
        }
    }

    @Test
    void sixHundredWaitingDmsComeAScreenfulAtATimeAndEachIsDeliveredOnlyOnceShown() {
        try (TestServer bbs = start(1000)) {
            bbs.createUser("bob", "secret-bob");
            seed(bbs, "alice", "bob", 600);

            // 80x24: a screenful is 21 messages, then a line that says how to read on.
            TelnetTestClient bob = bbs.login("bob", "secret-bob");
            bob.awaitText("You have 600 messages waiting", WAIT);
            String first = bob.awaitText("*** 579 more messages waiting; read them with /msgs in chat", WAIT);
            assertEquals(range(1, 21), seen(first));
            await().atMost(WAIT).until(() -> store(bbs).countWaiting("bob") == 579);

            // Gone after one screenful: the rest waits, and the next login starts where it stopped.
            bob.close();
            TelnetTestClient again = bbs.login("bob", "secret-bob");
            again.awaitText("You have 579 messages waiting", WAIT);
            List<Integer> all = new ArrayList<>(range(1, 21));
            all.addAll(seen(again.awaitText("*** 558 more messages waiting", WAIT)));
            TestServer.enterChat(again);
            for (int left = 558; left > 0; ) {
                again.sendLine("/msgs");
                left = Math.max(0, left - 21);
                String page = again.awaitText(left > 0 ? left + " more messages waiting" : "] msg-600", WAIT);
                all.addAll(seen(page));
            }
            assertEquals(range(1, 600), all);
            await().atMost(WAIT).until(() -> store(bbs).countWaiting("bob") == 0);
            again.sendLine("/msgs");
            again.awaitText("No messages waiting.", WAIT);
        }
    }

    @Test
    void aJsonClientGetsAllSixHundredInOrderAndTheHistoryPagesThroughThem() {
        try (TestServer bbs = start(1000)) {
            bbs.createUser("bob", "secret-bob");
            bbs.createUser("alice", "secret-alice");
            seed(bbs, "alice", "bob", 600);
            JsonClient bob = bbs.json("bob").connect();
            bob.await("new_message", d -> d.path("text").asText().equals("msg-600"));
            List<String> texts = bob.all("new_message").stream().map(d -> d.path("text").asText()).toList();
            assertEquals(range(1, 600).stream().map(i -> String.format("msg-%03d", i)).toList(), texts);
            await().atMost(WAIT).until(() -> store(bbs).countWaiting("bob") == 0);

            List<String> history = new ArrayList<>();
            String before = null;
            while (true) {
                JsonClient.Answer page = bob.get("/api/messages?peer=alice&limit=200"
                        + (before == null ? "" : "&before=" + before));
                assertEquals(200, page.status(), page.body().toString());
                if (page.body().isEmpty()) break;
                List<String> older = new ArrayList<>();
                page.body().forEach(m -> older.add(m.path("text").asText()));
                history.addAll(0, older);
                before = page.body().get(0).path("msg_id").asText();
            }
            assertEquals(texts, history);
        }
    }

    @Test
    void noticesHeldWhileWritingALetterAreSummarisedAndTheUnshownDmsStillWait() {
        try (TestServer bbs = start(1000)) {
            TelnetTestClient bob = bbs.register("bob", "secret-bob");
            JsonClient alice = bbs.json("alice").connect();
            MailSteps.openInbox(bob);
            MailSteps.startLetter(bob, "alice", "notes");
            for (int i = 1; i <= 50; i++) {
                alice.send("send_message", JsonClient.body("to", "bob", "text", String.format("msg-%03d", i)));
            }
            await().atMost(WAIT).until(() -> alice.all("new_message").size() == 50);
            assertFalse(bob.transcript().contains("msg-0"), "nothing lands inside the letter");

            bob.sendLine("a line");
            bob.sendLine("/s");
            List<Integer> shown = seen(bob.awaitText("*** 30 more messages waiting; read them with /msgs in chat", WAIT));
            assertEquals(20, shown.size(), shown.toString());
            await().atMost(WAIT).until(() -> store(bbs).countWaiting("bob") == 30);

            bob.sendLine("q");
            bob.awaitText("Main menu: ", WAIT);
            TestServer.enterChat(bob);
            bob.sendLine("/msgs");
            List<Integer> all = new ArrayList<>(shown);
            all.addAll(seen(bob.awaitText("*** 9 more messages waiting", WAIT)));
            bob.sendLine("/msgs");
            await().atMost(WAIT).until(() -> seen(bob.unread()).size() == 9);
            all.addAll(seen(bob.unread()));
            await().atMost(WAIT).until(() -> store(bbs).countWaiting("bob") == 0);
            all.sort(null);
            assertEquals(range(1, 50), all, "each message shown once");
        }
    }
}

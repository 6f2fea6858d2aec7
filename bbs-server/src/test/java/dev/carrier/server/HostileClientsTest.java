package dev.carrier.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrier.telnet.TelnetTestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One client from one address, trying what an attacker would, against a real server process with
 * a small heap: each test shows that a normal caller is still served during and after the attack,
 * and (where the attack is about memory) that the heap after a collection comes back near where
 * it was before.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class HostileClientsTest {

    private static final Duration WAIT = TestServer.WAIT;
    private static final long MIB = 1024 * 1024;
    /** How far above its starting point the heap may stay after an attack and a full collection. */
    private static final long HEAP_SLACK = 24 * MIB;
    private static final long FLOOD_BYTES = 8 * MIB;
    private static final Duration FLOOD_CAP = Duration.ofSeconds(20);
    private static final int IAC = 255, AYT = 246;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(WAIT).build();

    @TempDir
    Path data;

    private ChildServer server;
    private long baseline;

    /** Starts the server with these options, registers carol (the normal caller), mallory and bob. */
    private void start(String... options) throws Exception {
        server = ChildServer.start(data, options);
        for (String handle : List.of("carol", "mallory", "bob")) register(handle);
        assertServesNormalCaller();
        baseline = server.heapUsedAfterGc();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) server.close();
    }

    // ---- output for input the attacker never reads ----

    @Test
    void telnetAreYouThereFloodFromAClientThatNeverReads() throws Exception {
        start();
        try (RawConnection attacker = RawConnection.open(server.telnetPort())) {
            attacker.flood(new byte[] {(byte) IAC, (byte) AYT}, FLOOD_BYTES, FLOOD_CAP);
            assertServesNormalCaller();
            assertHeapNearBaseline("while the attacker is still connected");
        }
        assertServesNormalCaller();
        assertHeapBackNearBaseline();
    }

    @Test
    void menuKeyFloodAfterLoginFromAClientThatNeverReads() throws Exception {
        start();
        try (RawConnection attacker = RawConnection.open(server.telnetPort())) {
            attacker.readUntil("login: ", WAIT);
            attacker.write("mallory\r\n");
            attacker.readUntil("password: ", WAIT);
            attacker.write(password("mallory") + "\r\n");
            attacker.readUntil("Main menu: ", WAIT);
            attacker.flood("x".getBytes(UTF_8), FLOOD_BYTES, FLOOD_CAP); // "No such choice: x." for every one
            assertServesNormalCaller();
            assertHeapNearBaseline("while the attacker is still connected");
        }
        assertServesNormalCaller();
        assertHeapBackNearBaseline();
    }

    @Test
    void pipelinedHealthRequestsFromAClientThatNeverReads() throws Exception {
        start();
        try (RawConnection attacker = RawConnection.open(server.webPort())) {
            attacker.flood("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(UTF_8), FLOOD_BYTES, FLOOD_CAP);
            assertServesNormalCaller();
            assertHeapNearBaseline("while the attacker is still connected");
        }
        assertServesNormalCaller();
        assertHeapBackNearBaseline();
    }

    @Test
    void browserTerminalKeystrokeFloodFromAClientThatNeverReads() throws Exception {
        start();
        try (RawConnection attacker = RawConnection.open(server.webPort())) {
            String host = "127.0.0.1:" + server.webPort();
            assertEquals(101, attacker.upgrade("/terminal?cols=80&rows=24", host, "http://" + host));
            attacker.readUntil("login: ", WAIT);
            attacker.write(RawConnection.frame(2, "mallory\r".getBytes(UTF_8)));
            attacker.readUntil("password: ", WAIT);
            attacker.write(RawConnection.frame(2, (password("mallory") + "\r").getBytes(UTF_8)));
            attacker.readUntil("Main menu: ", WAIT);
            attacker.flood(RawConnection.frame(2, "x".repeat(512).getBytes(UTF_8)), FLOOD_BYTES, FLOOD_CAP);
            assertServesNormalCaller();
            assertHeapNearBaseline("while the attacker is still connected");
        }
        assertServesNormalCaller();
        assertHeapBackNearBaseline();
    }

    // ---- SSH callers that never read (Debian's OpenSSH client) ----

    @Test
    void menuKeyFloodOverSshFromACallerThatNeverReads() throws Exception {
        OpenSsh.requireClients();
        start();
        try (OpenSsh attacker = OpenSsh.withPassword(server.sshPort(), "mallory", password("mallory"))) {
            attacker.await("Main menu: ").stopReading();
            long taken = attacker.flood("x".getBytes(UTF_8), FLOOD_BYTES, FLOOD_CAP); // "No such choice: x." each
            assertTrue(taken < FLOOD_BYTES, "ssh took all " + taken + " bytes from a caller whose output is never read");
            assertServesNormalCaller();
            assertHeapNearBaseline("while the attacker is still connected");
        }
        assertServesNormalCaller();
        assertHeapBackNearBaseline();
    }

    @Test
    void anSshCallerInChatWhoNeverReadsWhileOthersChatIsHeldBackAndLaterToldWhatWasMissed() throws Exception {
        OpenSsh.requireClients();
        // No send budget, so bob alone can talk megabytes; no stall limit (of the connection or of
        // the chat reader) within the test, so the output is held (not hung up on) while it runs.
        start("--flood-burst", "0", "--output-stall-limit", "10m", "--chat-hang-up-after", "10m");
        int lines = 20_000; // 8 MB of chat at mallory, more than ssh's own window and pipe hold
        String filler = " " + "x".repeat(400);
        try (OpenSsh mallory = OpenSsh.withPassword(server.sshPort(), "mallory", password("mallory"));
                TelnetTestClient bob = login("bob")) {
            mallory.await("Main menu: ").sendLine("c").await("*** Welcome to chat.").stopReading();
            bob.send("c");
            bob.awaitText("*** Welcome to chat.", WAIT);
            for (int i = 1; i <= lines; i++) bob.sendLine("line " + i + filler);
            bob.awaitText("<bob> line " + lines + " ", Duration.ofSeconds(120));
            assertServesNormalCaller();
            assertHeapNearBaseline("while mallory is in chat and not reading");

            // What the pipes and windows held comes first, through ssh and a pty: slow on a busy machine.
            mallory.resumeReading().await("*** Missed ", Duration.ofSeconds(60));
            assertFalse(mallory.output().contains("<bob> line " + (lines / 2) + " "),
                    "the middle of the flood reached a caller who was not reading");
        }
        assertServesNormalCaller();
        assertHeapBackNearBaseline();
    }

    // ---- messages to people: a budget per sender, a bounded wait, nothing lost ----

    @Test
    void thirtyThousandMessagesToAnOfflineUserAreLimitedAndTheVictimReadsThemInScreenfuls() throws Exception {
        start();
        int sent = 30_000;
        try (JsonClient mallory = JsonClient.login(server.webBase(), "mallory", password("mallory")).connect()) {
            for (int i = 1; i <= sent; i++) {
                try {
                    mallory.send("send_message", JsonClient.body("to", "bob", "text", "note " + i + " of " + sent));
                } catch (CompletionException e) {
                    // A flooder that reads its answers slower than it sends is cut off: that is the
                    // defence too, as long as it is the server saying so.
                    assertTrue(mallory.closeReason().startsWith("too slow"), "closed at message " + i + ": "
                            + mallory.closeReason());
                    break;
                }
            }

            TelnetTestClient bob = call();
            bob.sendLine("bob");
            bob.awaitText("password: ", WAIT);
            bob.sendLine(password("bob"));
            bob.awaitText("note 1 of " + sent, WAIT);
            pageToTheMainMenu(bob);
            bob.close();

            assertServesNormalCaller();
            assertHeapBackNearBaseline();
            assertTrue(mallory.all("error").stream().anyMatch(e -> e.path("code").asText().equals("rate_limited")),
                    "30,000 messages in a burst and not one rate_limited error");
        }
    }

    /** Presses Enter at each "-- More" until the main menu shows; the messages come a screenful at a time. */
    private static void pageToTheMainMenu(TelnetTestClient client) {
        Pattern next = Pattern.compile("Main menu: |-- More");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (client.awaitPattern(next, WAIT).group().startsWith("Main")) return;
            client.send("\r");
        }
        throw new AssertionError("still paging after a minute");
    }

    // ---- throttles that hold under parallel guesses ----

    @Test
    void twoHundredParallelLoginGuessesMeetTheThrottleAndATelnetLoginStillCompletes() throws Exception {
        // The real password cost, so guesses cost what they cost; no connection limit, so the
        // throttle itself must answer. The guesser calls from 127.0.0.2, carol from 127.0.0.1.
        start("--password-cost", "10", "--max-per-address", "0");
        int guesses = 200;
        ExecutorService guessers = Executors.newFixedThreadPool(guesses);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                String body = "{\"handle\":\"bob\",\"password\":\"guess-" + i + "\"}";
                answers.add(guessers.submit(() -> {
                    try (RawConnection guesser = RawConnection.open("127.0.0.2", server.webPort())) {
                        guesser.write("POST /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                + "Connection: close\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
                        return guesser.readStatus(Duration.ofSeconds(60));
                    }
                }));
            }

            long began = System.nanoTime();
            try (TelnetTestClient carol = call()) {
                carol.sendLine("carol");
                carol.awaitText("password: ", WAIT);
                carol.sendLine(password("carol"));
                carol.awaitText("Main menu: ", Duration.ofSeconds(10));
            }
            long tookMillis = (System.nanoTime() - began) / 1_000_000;

            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) statuses.add(answer.get(90, TimeUnit.SECONDS));
            assertTrue(statuses.stream().allMatch(s -> s == 401 || s == 429), "answers other than 401 and 429: " + statuses);
            assertTrue(statuses.contains(429), "200 parallel guesses and not one 429 (carol's login took " + tookMillis + " ms)");
        } finally {
            guessers.shutdownNow();
        }
        assertServesNormalCaller();
    }

    // ---- proxies ----

    @Test
    void aSpoofedForwardedForBehindATrustedProxyCannotEscapeThePerAddressLimit() throws Exception {
        // A proxy that says who called in X-Real-IP alone (nginx: proxy_set_header X-Real-IP
        // $remote_addr) and passes on the X-Forwarded-For the caller wrote itself.
        start("--trust-proxy", "--proxy-header", "X-Real-IP", "--max-per-address", "2");
        assertThreeUpgradesAreOneCaller(i -> new String[] {"X-Real-IP: 203.0.113.7", "X-Forwarded-For: 10.0.0." + i});
    }

    @Test
    void aForwardedForTheCallerStartedCountsOnlyByTheHopTheProxyAdded() throws Exception {
        // nginx's $proxy_add_x_forwarded_for: the caller's own list, then the address the proxy saw.
        start("--trust-proxy", "--max-per-address", "2");
        assertThreeUpgradesAreOneCaller(i -> new String[] {"X-Forwarded-For: 10.0.0." + i + ", 203.0.113.7"});
    }

    /** Three upgrades whose headers differ only in what the caller chose: the third is one too many. */
    private void assertThreeUpgradesAreOneCaller(java.util.function.IntFunction<String[]> headers) throws Exception {
        List<Integer> answers = new ArrayList<>();
        List<RawConnection> calls = new ArrayList<>();
        try {
            String host = "127.0.0.1:" + server.webPort();
            for (int i = 1; i <= 3; i++) {
                RawConnection call = RawConnection.open(server.webPort());
                calls.add(call);
                answers.add(call.upgrade("/terminal", host, "http://" + host, headers.apply(i)));
            }
            assertEquals(List.of(101, 101, 429), answers, "the answers to three upgrades from 203.0.113.7");
            assertServesNormalCaller();
        } finally {
            calls.forEach(RawConnection::close);
        }
    }

    // ---- HTTP: counted connections, allowed host names ----

    @Test
    void plainHttpKeepAliveConnectionsCountTowardsThePerAddressLimit() throws Exception {
        start("--max-per-address", "3");
        List<RawConnection> held = new ArrayList<>();
        int answered = 0;
        try {
            for (int i = 0; i < 6; i++) {
                RawConnection connection = RawConnection.open("127.0.0.2", server.webPort());
                held.add(connection);
                try {
                    connection.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                    if (connection.readStatus(WAIT) == 200) answered++;
                } catch (RuntimeException refused) {
                    // the server hung up before it took the request: refused
                }
            }
            assertEquals(3, answered, "/health answers to 6 kept-alive connections from one address, 3 allowed");
            assertServesNormalCaller(); // from another address
        } finally {
            held.forEach(RawConnection::close);
        }
    }

    @Test
    void aWebSocketUpgradeForAForeignHostIsRefusedEvenWithAMatchingOrigin() throws Exception {
        start();
        // DNS rebinding: a page on rebind.example whose name now points here calls back "home".
        String foreign = "rebind.example:" + server.webPort();
        try (RawConnection page = RawConnection.open(server.webPort())) {
            assertEquals(403, page.upgrade("/terminal", foreign, "http://" + foreign));
        }
        assertServesNormalCaller();
    }

    // ---- text and input ----

    @Test
    void anAltChordInChatDoesNotSwallowTheLineAndInvisibleOrStackedCharactersNeverReachOthers() throws Exception {
        start();
        try (TelnetTestClient carol = TestServer.enterChat(login("carol"));
             TelnetTestClient mallory = TestServer.enterChat(login("mallory"))) {
            carol.awaitText("mallory", WAIT);

            mallory.send("\u001bPhello after alt-p\r");
            carol.awaitPattern(Pattern.compile("<mallory> [^\r\n]*hello after alt-p"), WAIT);

            mallory.send("in\u200Bvis\u200Cib\u200Dle\u2060 so\u00ADft\u061C\u2028\uFFF9 tag\uDB40\uDC41s"
                    + " Z" + "\u0301\u0316\u0317".repeat(10) + "algo end\r");
            MatchResult line = carol.awaitPattern(Pattern.compile("<mallory> ([^\r\n]*end)"), WAIT);
            String seen = line.group(1);
            assertTrue(seen.replaceAll("\\p{Mn}", "").contains("tags"), "the line did not arrive whole: " + seen);
            seen.codePoints().forEach(c -> assertFalse(invisible(c),
                    "U+" + Integer.toHexString(c).toUpperCase() + " reached another caller in: " + seen));
            assertTrue(longestMarkRun(seen) <= 8, "a stack of " + longestMarkRun(seen) + " combining marks reached carol");
        }
        assertServesNormalCaller();
    }

    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.CONTROL || (c >= 0xE0000 && c <= 0xE007F) || c == 0x3164 || c == 0x115F
                || c == 0x1160 || c == 0xFFA0;
    }

    private static int longestMarkRun(String text) {
        int longest = 0, run = 0;
        for (int c : text.codePoints().toArray()) {
            run = Character.getType(c) == Character.NON_SPACING_MARK ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    // ---- handles ----

    @Test
    void aHandleThatLooksLikeAnExistingOneCannotBeRegistered() throws Exception {
        start();
        register("alice");
        try (TelnetTestClient impostor = call()) {
            impostor.sendLine("new");
            impostor.awaitText("new handle: ", WAIT);
            impostor.sendLine("aIice"); // a capital I for the l
            // Refused at once, or at the latest when the account would be made: never at the menu.
            Pattern outcome = Pattern.compile("new handle: |new password: |Main menu: ");
            String next = impostor.awaitPattern(outcome, WAIT).group();
            if (next.equals("new password: ")) {
                impostor.sendLine(password("aIice"));
                impostor.awaitText("repeat password: ", WAIT);
                impostor.sendLine(password("aIice"));
                next = impostor.awaitPattern(outcome, WAIT).group();
            }
            assertEquals("new handle: ", next, "aIice was registered beside alice");
        }
        assertServesNormalCaller();
    }

    // ---- helpers ----

    private static String password(String handle) {
        return "secret-" + handle;
    }

    private void register(String handle) {
        try (TelnetTestClient client = call()) {
            client.sendLine("new");
            client.awaitText("new handle: ", WAIT);
            client.sendLine(handle);
            client.awaitText("new password: ", WAIT);
            client.sendLine(password(handle));
            client.awaitText("repeat password: ", WAIT);
            client.sendLine(password(handle));
            client.awaitText("Main menu: ", WAIT);
        }
    }

    private TelnetTestClient call() {
        TelnetTestClient client = TelnetTestClient.connect("127.0.0.1", server.telnetPort());
        client.awaitText("login: ", WAIT);
        return client;
    }

    private TelnetTestClient login(String handle) {
        return TestServer.login(call(), handle, password(handle));
    }

    /** A fresh telnet caller gets the banner and logs in, and {@code GET /health} answers. */
    private void assertServesNormalCaller() throws Exception {
        assertTrue(server.isAlive(), "the server process has exited; it said:\n" + server.output());
        try (TelnetTestClient carol = login("carol")) {
            carol.send("g");
        }
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(server.webBase() + "/health"))
                .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        JsonNode body = JsonClient.JSON.readTree(health.body());
        assertEquals("ok", body.path("status").asText(), health.body());
    }

    /** The heap after a full collection is within {@link #HEAP_SLACK} of where it started. */
    private void assertHeapNearBaseline(String when) {
        long used = server.heapUsedAfterGc();
        assertTrue(used <= baseline + HEAP_SLACK, "heap after GC " + when + ": " + used / MIB + " MiB, baseline "
                + baseline / MIB + " MiB, slack " + HEAP_SLACK / MIB + " MiB");
    }

    /** After a full collection the heap comes back to within {@link #HEAP_SLACK} of where it started. */
    private void assertHeapBackNearBaseline() {
        await("heap back near its baseline").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertHeapNearBaseline("after the attack"));
    }

}

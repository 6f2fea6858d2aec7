package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carrier.auth.LoginLimits;
import dev.carrier.telnet.TelnetTestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Password guessing in parallel, over REST and telnet, against the shared login budgets. */
class ParallelLoginTest {

    private static final LoginLimits LIMITS = LoginLimits.defaults();
    private static final Pattern OUTCOME =
            Pattern.compile("Login incorrect\\.|Try again in \\d+ seconds?\\.|The server is busy");

    @TempDir
    Path data;

    @Test
    void twoHundredParallelGuessesMeetTheAddressBudgetAndATelnetLoginStillGetsThrough() throws Exception {
        try (TestServer bbs = TestServer.start(data)) {
            bbs.createUser("bob", "secret-bob");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<CompletableFuture<HttpResponse<String>>> guesses = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String body = JsonClient.body("handle", "user" + (i % 10), "password", "guess" + i).toString();
                guesses.add(http.sendAsync(HttpRequest.newBuilder(URI.create(bbs.webOrigin() + "/api/login"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
            }

            // Meanwhile a caller from another address logs in promptly.
            TelnetTestClient caller = TelnetTestClient.connectFrom("127.0.0.2", "127.0.0.1", bbs.server().telnetPort(),
                    TelnetTestClient.Options.telnet());
            try {
                caller.awaitText("login: ", Duration.ofSeconds(5));
                caller.sendLine("bob");
                caller.awaitText("password: ", Duration.ofSeconds(5));
                caller.sendLine("secret-bob");
                caller.awaitText("Main menu: ", Duration.ofSeconds(5));
            } finally {
                caller.close();
            }

            int refused = 0;
            int tooMany = 0;
            for (CompletableFuture<HttpResponse<String>> guess : guesses) {
                HttpResponse<String> answer = guess.get(30, TimeUnit.SECONDS);
                if (answer.statusCode() == 401) refused++;
                if (answer.statusCode() == 429) {
                    tooMany++;
                    assertTrue(answer.headers().firstValue("Retry-After").isPresent(), answer.toString());
                    assertTrue(answer.body().matches(".*\"code\":\"(slow_down|too_many_requests)\".*"), answer.body());
                }
            }
            assertTrue(refused <= LIMITS.addressFailures(), refused + " guesses were checked");
            assertEquals(200, refused + tooMany);
        }
    }

    @Test
    void eightTelnetCallersFromOneAddressShareOneBudgetAndTheOwnerStillGetsIn() throws Exception {
        try (TestServer bbs = TestServer.start(data)) {
            bbs.createUser("alice", "secret-alice");
            int port = bbs.server().telnetPort();
            ExecutorService callers = Executors.newFixedThreadPool(8);
            try {
                List<Future<int[]>> tallies = new ArrayList<>();
                for (int c = 0; c < 8; c++) {
                    int caller = c;
                    tallies.add(callers.submit(() -> guess(port, caller)));
                }
                // While they guess, the owner logs in from an address that never guessed, over both ways in.
                TelnetTestClient owner = TelnetTestClient.connectFrom("127.0.0.3", "127.0.0.1", port,
                        TelnetTestClient.Options.telnet());
                try {
                    owner.awaitText("login: ", WAIT);
                    TestServer.login(owner, "alice", "secret-alice");
                } finally {
                    owner.close();
                }
                assertEquals(200, RawHttp.login("127.0.0.3", bbs.server().webPort(), "alice", "secret-alice").status());

                int checked = 0;
                int throttled = 0;
                for (Future<int[]> tally : tallies) {
                    int[] counts = tally.get(30, TimeUnit.SECONDS);
                    checked += counts[0];
                    throttled += counts[1];
                }
                assertEquals(8 * 2 * 3, checked + throttled);
                // Five free, and at most one more after the first wait (a second).
                assertTrue(checked <= LIMITS.pairFreeFailures() + 1, checked + " guesses were checked");
                assertEquals(429, RawHttp.login("127.0.0.4", bbs.server().webPort(), "alice", "guess").status());
            } finally {
                callers.shutdownNow();
            }
        }
    }

    /** Two calls of three guesses each at alice from 127.0.0.4; how many were checked, how many throttled. */
    private static int[] guess(int port, int caller) {
        int[] counts = new int[2];
        for (int call = 0; call < 2; call++) {
            TelnetTestClient client = TelnetTestClient.connectFrom("127.0.0.4", "127.0.0.1", port,
                    TelnetTestClient.Options.telnet());
            try {
                client.awaitText("login: ", WAIT);
                for (int attempt = 0; attempt < 3; attempt++) {
                    client.sendLine("alice");
                    client.awaitText("password: ", WAIT);
                    client.sendLine("guess-" + caller + "-" + call + "-" + attempt);
                    MatchResult outcome = client.awaitPattern(OUTCOME, WAIT);
                    if (outcome.group().equals("Login incorrect.")) counts[0]++;
                    else if (outcome.group().startsWith("Try again")) counts[1]++;
                    else throw new AssertionError("unexpected: " + outcome.group());
                    if (attempt < 2) client.awaitText("login: ", WAIT);
                }
                assertTrue(client.awaitClosed(WAIT), "hung up after three failures");
            } finally {
                client.close();
            }
        }
        return counts;
    }

    @Test
    void aHandleGuessedFromManyAddressesStillLetsItsOwnerIn() {
        try (TestServer bbs = TestServer.start(data)) {
            bbs.createUser("alice", "secret-alice");
            int port = bbs.server().webPort();
            // The owner's usual address, from before the attack.
            assertEquals(200, RawHttp.login("127.0.0.3", port, "alice", "secret-alice").status());
            // As many addresses as the handle's ceiling guess once each.
            for (int i = 0; i < LIMITS.handleFailures(); i++) {
                RawHttp.login("127.0.1." + (i + 1), port, "alice", "guess" + i);
            }
            assertEquals(429, RawHttp.login("127.0.1.5", port, "alice", "again").status());
            assertEquals(200, RawHttp.login("127.0.0.3", port, "alice", "secret-alice").status());
            // A new address is slowed by a small shared allowance, not shut out.
            assertEquals(200, RawHttp.login("127.0.0.5", port, "alice", "secret-alice").status());
            for (int i = 0; i < LIMITS.strangerTries(); i++) RawHttp.login("127.0.2." + (i + 1), port, "alice", "x" + i);
            RawHttp.Answer slowed = RawHttp.login("127.0.0.6", port, "alice", "secret-alice");
            assertEquals(429, slowed.status());
            assertTrue(slowed.body().contains("try again in"), slowed.body());
        }
    }
}

package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several requests sent at once on one connection are answered in the order they were sent. */
class PipelinedHttpTest {

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");

    @TempDir
    Path data;

    @Test
    void aSlowLoginAnswersBeforeTheFastHealthCheckSentAfterIt() {
        try (TestServer bbs = TestServer.start(data)) {
            bbs.register("alice", "secret-alice").close();
            String login = "{\"handle\":\"alice\",\"password\":\"wrong-password\"}";
            String badLogin = "POST /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + login.length() + "\r\n\r\n" + login;
            String health = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
            String missing = "GET /nothing-here HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
            String last = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";

            try (RawClient client = RawClient.connect(bbs.server().webPort())) {
                client.send(badLogin + health + missing + last);
                String answers = client.readUntilClosed(WAIT); // the last one asked to close
                assertEquals(List.of(401, 200, 404, 200), statuses(answers),
                        "answers in request order:\n" + answers);
            }
        }
    }

    @Test
    void aClientThatPipelinesTooFarAheadIsHungUpOnAndOthersAreServed() {
        try (TestServer bbs = TestServer.start(data)) {
            String health = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
            try (RawClient greedy = RawClient.connect(bbs.server().webPort())) {
                greedy.send(health.repeat(500)); // one write: far more than are held decoded at once
                assertTrue(greedy.awaitClosedWithoutReading(WAIT));
            }
            String answer = WebGuardRailsTest.http(bbs.server().webPort(),
                    "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertEquals(200, WebGuardRailsTest.status(answer));
        }
    }

    private static List<Integer> statuses(String answers) {
        List<Integer> statuses = new ArrayList<>();
        Matcher m = STATUS_LINE.matcher(answers);
        while (m.find()) statuses.add(Integer.parseInt(m.group(1)));
        return statuses;
    }
}

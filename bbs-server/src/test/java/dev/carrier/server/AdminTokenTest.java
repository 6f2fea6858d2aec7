package dev.carrier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carrier.admin.AdminException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin endpoint answers on loopback only, and only to the token in the data folder. */
class AdminTokenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .proxy(HttpClient.Builder.NO_PROXY).build();

    @TempDir
    Path data;

    private Path adminFile() {
        return data.resolve("admin.json");
    }

    private JsonNode adminJson() throws IOException {
        return JSON.readTree(Files.readAllBytes(adminFile()));
    }

    @Test
    void theTokenFileIsTheOwnersAloneAndGoesAwayWithTheServer() throws IOException {
        try (TestServer bbs = TestServer.start(data)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(adminFile())));
            JsonNode file = adminJson();
            assertEquals(bbs.server().adminPort(), file.get("port").asInt());
            assertEquals(ProcessHandle.current().pid(), file.get("pid").asLong());
            assertTrue(file.get("token").asText().length() >= 43, "256 bits as Base64 are 43 characters");
        }
        assertFalse(Files.exists(adminFile()));
    }

    @Test
    void eachStartMakesANewToken() throws IOException {
        String first;
        try (TestServer bbs = TestServer.start(data)) {
            first = adminJson().get("token").asText();
        }
        try (TestServer bbs = TestServer.start(data)) {
            assertFalse(first.equals(adminJson().get("token").asText()));
        }
    }

    @Test
    void aRequestWithoutTheTokenOrWithAWrongOneIsRefused() throws Exception {
        try (TestServer bbs = TestServer.start(data)) {
            String token = adminJson().get("token").asText();
            URI who = URI.create("http://127.0.0.1:" + bbs.server().adminPort() + "/v1/who");

            HttpResponse<String> none = HTTP.send(HttpRequest.newBuilder(who).POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, none.statusCode());
            assertEquals("no admin token given", JSON.readTree(none.body()).get("error").get("message").asText());
            assertEquals("no_token", JSON.readTree(none.body()).get("error").get("code").asText(), "REST's error shape");

            String wrong = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
            HttpResponse<String> guessed = HTTP.send(HttpRequest.newBuilder(who).header("Authorization", "Bearer " + wrong)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, guessed.statusCode());
            assertEquals("wrong admin token", JSON.readTree(guessed.body()).get("error").get("message").asText());
            assertEquals("bad_token", JSON.readTree(guessed.body()).get("error").get("code").asText());

            HttpResponse<String> right = HTTP.send(HttpRequest.newBuilder(who).header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, right.statusCode(), right.body());
            assertTrue(JSON.readTree(right.body()).get("server").get("listeners").toString().contains("admin 127.0.0.1:"));
        }
    }

    @Test
    void theCommandWithAWrongOrMissingTokenGetsAClearRefusal() throws IOException {
        try (TestServer bbs = TestServer.start(data)) {
            ObjectNode file = (ObjectNode) adminJson();
            file.put("token", "not-the-token");
            Files.write(adminFile(), JSON.writeValueAsBytes(file));
            Cli.Result wrong = Cli.run(data, "who");
            assertEquals(1, wrong.code(), wrong.toString());
            assertTrue(wrong.err().startsWith("carrier: the server refused the admin token in "), wrong.err());
            assertTrue(wrong.err().contains("(wrong admin token)"), wrong.err());
            assertEquals(1, wrong.err().lines().count(), wrong.err());

            file.remove("token");
            Files.write(adminFile(), JSON.writeValueAsBytes(file));
            Cli.Result missing = Cli.run(data, "user", "ban", "alice");
            assertEquals(1, missing.code(), missing.toString());
            assertTrue(missing.err().contains("(no admin token given)"), missing.err());
        }
    }

    @Test
    void aFileLeftByADeadServerMeansNotRunning() throws Exception {
        Cli.addUser(data, "alice", "secret1").succeeded();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(adminFile(), "{\"port\": 1, \"token\": \"stale\", \"pid\": " + gone.pid() + "}");

        assertTrue(Cli.run(data, "user", "list").succeeded().out().contains("alice"));
        Cli.Result who = Cli.run(data, "who");
        assertEquals(1, who.code(), who.toString());
        assertTrue(who.err().contains("carrier is not running"), who.err());

        try (TestServer bbs = TestServer.start(data)) {
            assertTrue(Cli.run(data, "who").succeeded().out().contains("(server)"));
        }
    }

    @Test
    void aSecondServerOnTheSameDataFolderIsRefused() {
        try (TestServer bbs = TestServer.start(data)) {
            AdminException refused = assertThrows(AdminException.class, () -> TestServer.start(data).close());
            assertTrue(refused.getMessage().startsWith("another carrier server (process "), refused.getMessage());
            assertTrue(Cli.run(data, "who").succeeded().out().contains("(server)"), "the first one goes on");
        }
    }

    @Test
    void theEndpointListensOnLoopbackOnly() throws IOException {
        try (TestServer bbs = TestServer.start(data)) {
            int port = bbs.server().adminPort();
            try (Socket loopback = new Socket()) {
                loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            }
            List<InetAddress> others = NetworkInterface.networkInterfaces()
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                    .toList();
            Assumptions.assumeFalse(others.isEmpty(), "this machine has no address but loopback");
            for (InetAddress other : others) {
                try (Socket socket = new Socket()) {
                    assertThrows(IOException.class, () -> socket.connect(new InetSocketAddress(other, port), 2000),
                            "admin port answered on " + other);
                }
            }
        }
    }
}

package dev.carrier.server;

import static dev.carrier.server.TestServer.WAIT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A modern client written against PROTOCOL.md alone: REST with a bearer token, and the
 * {@code /events} WebSocket, whose frames it collects for tests to wait on with a deadline.
 *
 * <p>It holds the server to the contract: every REST answer is checked against the OpenAPI
 * document and every frame, both ways, against the event schemas ({@link Contract}). A REST
 * answer that does not match fails at once; a received frame that does not match fails the next
 * {@link #await}, {@link #all} or {@link #close}, since it arrives on the socket's thread.
 */
final class JsonClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A REST answer: status and body. */
    record Answer(int status, JsonNode body) {}

    private final String base;
    private final String token;
    private final List<JsonNode> frames = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile String closeReason = "";
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private int position;

    private JsonClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Logs in over REST; fails the test on anything but a token. */
    static JsonClient login(String base, String handle, String password) {
        Answer answer = post(base, "/api/login", null, body("handle", handle, "password", password));
        if (answer.status() != 200) throw new AssertionError("login of " + handle + " gave " + answer);
        return new JsonClient(base, answer.body().path("token").asText());
    }

    static JsonClient withToken(String base, String token) {
        return new JsonClient(base, token);
    }

    String token() {
        return token;
    }

    // ---- REST ----

    static ObjectNode body(String... pairs) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) node.put(pairs[i], pairs[i + 1]);
        return node;
    }

    Answer get(String path) {
        return send(base, HttpRequest.newBuilder(URI.create(base + path)).GET(), token);
    }

    Answer post(String path, JsonNode body) {
        return post(base, path, token, body);
    }

    static Answer post(String base, String path, String token, JsonNode body) {
        return sendRaw(base, path, token, body.toString());
    }

    static Answer sendRaw(String base, String path, String token, String body) {
        return send(base, HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), token);
    }

    private static Answer send(String base, HttpRequest.Builder request, String token) {
        if (token != null) request.header("Authorization", "Bearer " + token);
        try {
            HttpRequest sent = request.timeout(WAIT).build();
            HttpResponse<String> response = HTTP.send(sent, HttpResponse.BodyHandlers.ofString());
            Contract.SERVER.answerProblem(sent.method(), sent.uri().getPath(), response.statusCode(), response.body())
                    .ifPresent(problem -> {
                        throw new AssertionError("the answer breaks PROTOCOL.md: " + problem);
                    });
            JsonNode body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // ---- /events ----

    /** Opens /events with the token as a bearer header (and an instance id, when given). */
    JsonClient connect(Optional<String> instanceId) {
        String ws = base.replaceFirst("^http", "ws") + "/events"
                + instanceId.map(id -> "?instance_id=" + query(id)).orElse("");
        try {
            socket = HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .buildAsync(URI.create(ws), new Listener()).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot open " + ws + ": " + e, e);
        }
        return this;
    }

    JsonClient connect() {
        return connect(Optional.empty());
    }

    /** Sends a frame the event schemas allow; a test that means to send a bad one uses {@link #sendInvalid}. */
    void send(String event, JsonNode data) {
        String frame = frame(event, data);
        Contract.SERVER.clientFrameProblem(frame).ifPresent(problem -> {
            throw new AssertionError("the test sends a frame PROTOCOL.md does not allow: " + problem);
        });
        sendRaw(frame);
    }

    /** Sends a frame that the event schemas must refuse, as the server does. */
    void sendInvalid(String event, JsonNode data) {
        String frame = frame(event, data);
        if (Contract.SERVER.clientFrameProblem(frame).isEmpty()) {
            throw new AssertionError("the event schemas allow " + frame + ", which the test expects the server to refuse");
        }
        sendRaw(frame);
    }

    private static String frame(String event, JsonNode data) {
        ObjectNode frame = JSON.createObjectNode().put("event", event);
        if (data != null) frame.set("data", data);
        return frame.toString();
    }

    void sendRaw(String frame) {
        socket.sendText(frame, true).join();
    }

    /** Waits for a frame of this event whose data matches, after the last one waited for. */
    synchronized JsonNode await(String event, Predicate<JsonNode> data) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            failOnViolations();
            for (int i = position; i < frames.size(); i++) {
                JsonNode frame = frames.get(i);
                if (frame.path("event").asText().equals(event) && data.test(frame.path("data"))) {
                    position = i + 1;
                    return frame.path("data");
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new AssertionError("no " + event + " after frame " + position + " in " + frames);
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    JsonNode await(String event) {
        return await(event, data -> true);
    }

    /** Every frame of this event so far. */
    synchronized List<JsonNode> all(String event) {
        failOnViolations();
        return frames.stream().filter(f -> f.path("event").asText().equals(event)).map(f -> f.path("data")).toList();
    }

    /** Waits until the server closes the socket; its close code. */
    int awaitClosed() {
        try {
            return closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the server did not close the socket", e);
        }
    }

    /** Whether a frame's data has this text in this field: for {@link #await(String, Predicate)}. */
    static boolean named(JsonNode data, String field, String value) {
        return data.path(field).asText().equals(value);
    }

    /** Why the server closed the socket, once {@link #awaitClosed()} has returned. */
    String closeReason() {
        return closeReason;
    }

    private synchronized void failOnViolations() {
        if (!violations.isEmpty()) throw new AssertionError("the server sent frames that break PROTOCOL.md: " + violations);
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        failOnViolations();
    }

    /** Drops the connection without a goodbye, as a client that vanished. */
    void abort() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    String text = partial.toString();
                    JsonNode frame = JSON.readTree(text);
                    Optional<String> problem = Contract.SERVER.serverFrameProblem(text);
                    synchronized (JsonClient.this) {
                        problem.ifPresent(violations::add);
                        frames.add(frame);
                        JsonClient.this.notifyAll();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    partial.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = reason;
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}

package dev.carrier.admin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carrier.admin.AdminViews.AuditView;
import dev.carrier.admin.AdminViews.Broadcast;
import dev.carrier.admin.AdminViews.Closed;
import dev.carrier.admin.AdminViews.Kicked;
import dev.carrier.admin.AdminViews.StatusView;
import dev.carrier.admin.AdminViews.TailEvent;
import dev.carrier.admin.AdminViews.UserView;
import dev.carrier.admin.AdminViews.WhoView;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * {@link Admin} through a running server's admin endpoint (see {@link AdminProtocol}), with the
 * token from its {@code admin.json}. Blocking; one instance per command.
 */
public final class RemoteAdmin implements Admin {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

    /** One client for the process: it owns a selector thread. Loopback never goes through a proxy. */
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();

    private final Path dataDir;
    private final AdminFile file;
    private final String actor;
    private final URI base;

    RemoteAdmin(Path dataDir, AdminFile file, String actor) {
        this.dataDir = dataDir;
        this.file = file;
        this.actor = actor;
        this.base = URI.create("http://127.0.0.1:" + file.port() + AdminProtocol.PREFIX);
    }

    @Override
    public boolean live() {
        return true;
    }

    @Override
    public UserView addUser(String handle, String password, boolean sysop) {
        return call("users/add", args().put("handle", handle).put("password", password).put("sysop", sysop),
                UserView.class);
    }

    @Override
    public List<UserView> users() {
        return call("users/list", args(), new TypeReference<List<UserView>>() {});
    }

    @Override
    public UserView user(String handle) {
        return call("users/show", args().put("handle", handle), UserView.class);
    }

    @Override
    public UserView changePassword(String handle, String password) {
        return call("users/passwd", args().put("handle", handle).put("password", password), UserView.class);
    }

    @Override
    public Closed ban(String handle, String reason) {
        return call("users/ban", args().put("handle", handle).put("reason", reason), Closed.class);
    }

    @Override
    public UserView unban(String handle) {
        return call("users/unban", args().put("handle", handle), UserView.class);
    }

    @Override
    public UserView setSysop(String handle, boolean sysop) {
        return call("users/sysop", args().put("handle", handle).put("sysop", sysop), UserView.class);
    }

    @Override
    public Closed delete(String handle) {
        return call("users/delete", args().put("handle", handle), Closed.class);
    }

    @Override
    public List<AuditView> audit(int limit) {
        return call("audit", args().put("limit", limit), new TypeReference<List<AuditView>>() {});
    }

    @Override
    public WhoView who() {
        return call("who", args(), WhoView.class);
    }

    @Override
    public Kicked kick(String target, String reason) {
        return call("kick", args().put("target", target).put("reason", reason), Kicked.class);
    }

    @Override
    public Broadcast broadcast(String text) {
        return call("broadcast", args().put("text", text), Broadcast.class);
    }

    @Override
    public StatusView status() {
        return call("status", args(), StatusView.class);
    }

    /** Streams {@code /v1/events}; returns once the server says the feed is on. */
    @Override
    public Feed tail(Consumer<TailEvent> sink) {
        HttpResponse<InputStream> response = send(request(AdminProtocol.EVENTS.substring(AdminProtocol.PREFIX.length()))
                .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        InputStream body = response.body();
        if (response.statusCode() != 200) {
            try (body) {
                throw refusal(response.statusCode(), body.readAllBytes());
            } catch (IOException e) {
                throw new AdminException("the server broke off: " + e.getMessage(), e);
            }
        }
        CountDownLatch ready = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        AtomicReference<Boolean> stopped = new AtomicReference<>(false);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isBlank()) continue;
                    TailEvent event = AdminJson.MAPPER.readValue(line, TailEvent.class);
                    if ("ready".equals(event.kind())) {
                        ready.countDown();
                    } else if (!stopped.get()) {
                        sink.accept(event);
                    }
                }
            } catch (IOException e) {
                // The server went away, or stop() closed the stream.
            } finally {
                ready.countDown();
                ended.countDown();
            }
        }, "carrier-tail");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.await(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Feed() {
            @Override
            public void stop() {
                stopped.set(true);
                try {
                    body.close();
                } catch (IOException e) {
                    // closing is all we wanted
                }
                ended.countDown();
            }

            @Override
            public void await() throws InterruptedException {
                ended.await();
            }

            @Override
            public boolean ended() {
                return ended.getCount() == 0;
            }
        };
    }

    private static ObjectNode args() {
        return AdminJson.MAPPER.createObjectNode();
    }

    private <T> T call(String operation, ObjectNode args, Class<T> type) {
        return call(operation, args, AdminJson.MAPPER.constructType(type));
    }

    private <T> T call(String operation, ObjectNode args, TypeReference<T> type) {
        return call(operation, args, AdminJson.MAPPER.getTypeFactory().constructType(type));
    }

    private <T> T call(String operation, ObjectNode args, JavaType type) {
        byte[] json;
        try {
            json = AdminJson.MAPPER.writeValueAsBytes(args);
        } catch (IOException e) {
            throw new AdminException("cannot write the request: " + e.getMessage(), e);
        }
        HttpResponse<byte[]> response = send(request(operation).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) throw refusal(response.statusCode(), response.body());
        try {
            return AdminJson.MAPPER.readValue(response.body(), type);
        } catch (IOException e) {
            throw new AdminException("the server's answer makes no sense: " + e.getMessage(), e);
        }
    }

    private HttpRequest.Builder request(String operation) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(operation))
                .header(AdminProtocol.ACTOR_HEADER, actor);
        if (file.token() != null && !file.token().isEmpty()) {
            builder.header("Authorization", "Bearer " + file.token());
        }
        return builder;
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request, handler);
        } catch (ConnectException e) {
            throw new AdminException("the server named in " + AdminFile.path(dataDir) + " does not answer on port "
                    + file.port() + "; it may have just stopped", e);
        } catch (IOException e) {
            throw new AdminException("the server broke off: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminException("interrupted", e);
        }
    }

    private AdminException refusal(int status, byte[] body) {
        String error;
        try {
            JsonNode node = AdminJson.MAPPER.readTree(body);
            error = node.path("error").asText("HTTP status " + status);
        } catch (IOException e) {
            error = "HTTP status " + status;
        }
        if (status == 401) {
            return new AdminException("the server refused the admin token in " + AdminFile.path(dataDir) + " ("
                    + error + "); run carrier as the server's system user, on the server's data folder");
        }
        return new AdminException(error);
    }

    @Override
    public void close() {
        // Each request is its own connection; nothing stays open.
    }
}

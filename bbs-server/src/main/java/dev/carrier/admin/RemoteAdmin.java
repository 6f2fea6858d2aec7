package dev.carrier.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrier.admin.AdminOperation.AddKey;
import dev.carrier.admin.AdminOperation.AddUser;
import dev.carrier.admin.AdminOperation.Audit;
import dev.carrier.admin.AdminOperation.Ban;
import dev.carrier.admin.AdminOperation.ChangePassword;
import dev.carrier.admin.AdminOperation.ChatLine;
import dev.carrier.admin.AdminOperation.Handle;
import dev.carrier.admin.AdminOperation.Kick;
import dev.carrier.admin.AdminOperation.None;
import dev.carrier.admin.AdminOperation.RemoveKey;
import dev.carrier.admin.AdminOperation.SetSysop;
import dev.carrier.admin.AdminOperation.Text;
import dev.carrier.admin.AdminViews.AuditView;
import dev.carrier.admin.AdminViews.Broadcast;
import dev.carrier.admin.AdminViews.Closed;
import dev.carrier.admin.AdminViews.Kicked;
import dev.carrier.admin.AdminViews.KeyView;
import dev.carrier.admin.AdminViews.StatusView;
import dev.carrier.admin.AdminViews.SysopChatView;
import dev.carrier.admin.AdminViews.TailEvent;
import dev.carrier.admin.AdminViews.UserView;
import dev.carrier.admin.AdminViews.WhoView;
import dev.carrier.json.Json;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * {@link Admin} through a running server's admin endpoint: each method sends its
 * {@link AdminOperation} (see {@link AdminProtocol}) with the token from the server's
 * {@code admin.json}. Blocking; one instance per command.
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
        return call(AdminOperation.ADD_USER, new AddUser(handle, password, sysop));
    }

    @Override
    public List<UserView> users() {
        return call(AdminOperation.LIST_USERS, new None());
    }

    @Override
    public UserView user(String handle) {
        return call(AdminOperation.SHOW_USER, new Handle(handle));
    }

    @Override
    public UserView changePassword(String handle, String password) {
        return call(AdminOperation.CHANGE_PASSWORD, new ChangePassword(handle, password));
    }

    @Override
    public Closed ban(String handle, String reason) {
        return call(AdminOperation.BAN, new Ban(handle, reason));
    }

    @Override
    public UserView unban(String handle) {
        return call(AdminOperation.UNBAN, new Handle(handle));
    }

    @Override
    public UserView setSysop(String handle, boolean sysop) {
        return call(AdminOperation.SET_SYSOP, new SetSysop(handle, sysop));
    }

    @Override
    public Closed delete(String handle) {
        return call(AdminOperation.DELETE_USER, new Handle(handle));
    }

    @Override
    public KeyView addKey(String handle, String keyLine) {
        return call(AdminOperation.ADD_KEY, new AddKey(handle, keyLine));
    }

    @Override
    public List<KeyView> keys(String handle) {
        return call(AdminOperation.LIST_KEYS, new Handle(handle));
    }

    @Override
    public KeyView removeKey(String handle, String fingerprint) {
        return call(AdminOperation.REMOVE_KEY, new RemoveKey(handle, fingerprint));
    }

    @Override
    public List<AuditView> audit(int limit) {
        return call(AdminOperation.AUDIT, new Audit(limit));
    }

    @Override
    public WhoView who() {
        return call(AdminOperation.WHO, new None());
    }

    @Override
    public Kicked kick(String target, String reason) {
        return call(AdminOperation.KICK, new Kick(target, reason));
    }

    @Override
    public Broadcast broadcast(String text) {
        return call(AdminOperation.BROADCAST, new Text(text));
    }

    @Override
    public SysopChatView chatOpen(String handle) {
        return call(AdminOperation.CHAT_OPEN, new Handle(handle));
    }

    @Override
    public SysopChatView chatSay(String handle, String text) {
        return call(AdminOperation.CHAT_SAY, new ChatLine(handle, text));
    }

    @Override
    public SysopChatView chatEnd(String handle) {
        return call(AdminOperation.CHAT_END, new Handle(handle));
    }

    @Override
    public StatusView status() {
        return call(AdminOperation.STATUS, new None());
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
        AtomicBoolean stopped = new AtomicBoolean();
        EndingFeed feed = new EndingFeed(() -> {
            stopped.set(true);
            try {
                body.close();
            } catch (IOException e) {
                // closing is all we wanted
            }
        });
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isBlank()) continue;
                    TailEvent event = Json.MAPPER.readValue(line, TailEvent.class);
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
                feed.end();
            }
        }, "carrier-tail");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.await(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return feed;
    }

    /** Sends {@code arguments} as {@code operation}'s JSON body and reads the answer back. */
    private <A, R> R call(AdminOperation<A, R> operation, A arguments) {
        byte[] json;
        try {
            json = Json.MAPPER.writeValueAsBytes(arguments);
        } catch (IOException e) {
            throw new AdminException("cannot write the request: " + e.getMessage(), e);
        }
        HttpResponse<byte[]> response = send(request(operation.path()).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) throw refusal(response.statusCode(), response.body());
        try {
            return Json.MAPPER.readValue(response.body(), operation.answer());
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
        String message;
        try {
            JsonNode error = Json.MAPPER.readTree(body).path("error");
            // {"error": "..."} is how a server from before the shared error shape words it.
            message = (error.isTextual() ? error : error.path("message")).asText("HTTP status " + status);
        } catch (IOException e) {
            message = "HTTP status " + status;
        }
        if (status == 401) {
            return new AdminException("the server refused the admin token in " + AdminFile.path(dataDir) + " ("
                    + message + "); run carrier as the server's system user, on the server's data folder");
        }
        return new AdminException(message);
    }

    @Override
    public void close() {
        // Each request is its own connection; nothing stays open.
    }
}

package dev.carrier.web;

import static io.netty.handler.codec.http.HttpResponseStatus.BAD_REQUEST;
import static io.netty.handler.codec.http.HttpResponseStatus.CONFLICT;
import static io.netty.handler.codec.http.HttpResponseStatus.FORBIDDEN;
import static io.netty.handler.codec.http.HttpResponseStatus.INTERNAL_SERVER_ERROR;
import static io.netty.handler.codec.http.HttpResponseStatus.SERVICE_UNAVAILABLE;
import static io.netty.handler.codec.http.HttpResponseStatus.METHOD_NOT_ALLOWED;
import static io.netty.handler.codec.http.HttpResponseStatus.NOT_FOUND;
import static io.netty.handler.codec.http.HttpResponseStatus.OK;
import static io.netty.handler.codec.http.HttpResponseStatus.TOO_MANY_REQUESTS;
import static io.netty.handler.codec.http.HttpResponseStatus.UNAUTHORIZED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carrier.auth.LoginGate.Outcome;
import dev.carrier.chat.ChatManager;
import dev.carrier.chat.HistoryLine;
import dev.carrier.chat.RoomName;
import dev.carrier.events.EventHub;
import dev.carrier.json.ErrorBody;
import dev.carrier.json.Json;
import dev.carrier.message.Conversation;
import dev.carrier.message.DirectMessage;
import dev.carrier.presence.Member;
import dev.carrier.presence.Status;
import dev.carrier.presence.UserPresence;
import dev.carrier.store.StoreException;
import dev.carrier.user.HandleRules;
import dev.carrier.user.User;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST half of the JSON surface, under {@code /api}. Everything but login takes
 * {@code Authorization: Bearer TOKEN}. Errors are {@code {"error": {"code", "message"}}} with a
 * status that fits. Blocking work (hashing, SQLite) runs on the workers; answers are written
 * back on the connection's event loop. Shared by every connection; no per-connection state.
 */
final class ApiRouter {

    private static final Logger log = LoggerFactory.getLogger(ApiRouter.class);
    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 200;
    /** What a client is asked to wait while the database is away: the pool tries again within seconds. */
    private static final Duration UNAVAILABLE_RETRY = Duration.ofSeconds(5);
    /** Later than any message; stored times are text, so it must format like them. */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

    private final ApiServices api;
    private final Optional<SysopDesk> desk;
    private final ApiDocuments documents = ApiDocuments.load();
    private final ObjectMapper json = Json.MAPPER;
    private final List<Route> routes = table();

    ApiRouter(ApiServices api, Optional<SysopDesk> desk) {
        this.api = api;
        this.desk = desk;
    }

    /** Every route as {@code "METHOD /path"}, in table order: what the OpenAPI document must list. */
    List<String> endpoints() {
        return routes.stream().map(route -> route.method().name() + " " + route.path()).toList();
    }

    /** An answer that is not 200: its status, code and message. */
    static final class ApiError extends RuntimeException {
        final HttpResponseStatus status;
        final String code;
        final Optional<Duration> retryAfter;

        ApiError(HttpResponseStatus status, String code, String message) {
            this(status, code, message, Optional.empty());
        }

        ApiError(HttpResponseStatus status, String code, String message, Optional<Duration> retryAfter) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
            this.retryAfter = retryAfter;
        }
    }

    /** How one route answers: checks run before the future (a bad body is told before a bad token). */
    @FunctionalInterface
    private interface Handler {
        CompletableFuture<JsonNode> answer(FullHttpRequest request, String clientAddress);
    }

    private record Route(HttpMethod method, String path, Handler handler) {
        /** Whether a request's path is this route's; a {@code {name}} segment takes any one segment. */
        boolean matches(String requested) {
            String[] mine = path.split("/");
            String[] theirs = requested.split("/");
            if (mine.length != theirs.length) return false;
            for (int i = 0; i < mine.length; i++) {
                if (!mine[i].startsWith("{") && !mine[i].equals(theirs[i])) return false;
            }
            return true;
        }
    }

    /** Segment {@code index} of the request's path ({@code /api/rooms/games/history}: 3 is {@code games}). */
    private static String segment(FullHttpRequest request, int index) {
        return new QueryStringDecoder(request.uri()).path().split("/")[index];
    }

    /** Every route: a new one is one line here and one method below. */
    private List<Route> table() {
        return List.of(
                new Route(HttpMethod.POST, "/api/login", (request, address) -> login(body(request), address)),
                new Route(HttpMethod.POST, "/api/logout", (request, address) -> logout(bearer(request))),
                new Route(HttpMethod.GET, "/api/presence", (request, address) -> authenticated(request, this::presence)),
                new Route(HttpMethod.POST, "/api/presence", (request, address) -> {
                    JsonNode body = body(request);
                    return authenticated(request, user -> setStatus(user, body));
                }),
                new Route(HttpMethod.GET, "/api/members", (request, address) -> {
                    QueryStringDecoder query = new QueryStringDecoder(request.uri());
                    return authenticated(request, user -> members(query));
                }),
                new Route(HttpMethod.POST, "/api/typing", (request, address) -> {
                    JsonNode body = body(request);
                    return authenticated(request, user -> typing(user, body));
                }),
                new Route(HttpMethod.GET, "/api/conversations", (request, address) -> {
                    QueryStringDecoder query = new QueryStringDecoder(request.uri());
                    return authenticated(request, user -> conversations(user, query));
                }),
                new Route(HttpMethod.GET, "/api/messages", (request, address) -> {
                    QueryStringDecoder query = new QueryStringDecoder(request.uri());
                    return authenticated(request, user -> messages(user, query));
                }),
                // The sysop dashboard's data (/sysop): a sysop's own token.
                new Route(HttpMethod.GET, "/api/sysop/dashboard",
                        (request, address) -> asSysop(request, (desk, sysop) -> desk.dashboard(sysop.handle()))),
                new Route(HttpMethod.POST, "/api/sysop/kick", (request, address) -> {
                    int node = node(body(request));
                    return asSysop(request, (desk, sysop) -> desk.kick(sysop.handle(), node));
                }),
                new Route(HttpMethod.GET, "/api/rooms", (request, address) -> authenticated(request, this::rooms)),
                new Route(HttpMethod.GET, "/api/rooms/{name}/history", (request, address) -> {
                    QueryStringDecoder query = new QueryStringDecoder(request.uri());
                    String room = segment(request, 3);
                    return authenticated(request, user -> roomHistory(user, room, query));
                }),
                // The contract itself, for tools and app authors: no token needed.
                new Route(HttpMethod.GET, "/api/openapi.json",
                        (request, address) -> CompletableFuture.completedFuture(documents.openApi())),
                new Route(HttpMethod.GET, "/api/events.schema.json",
                        (request, address) -> CompletableFuture.completedFuture(documents.eventSchemas())));
    }

    void route(ChannelHandlerContext ctx, FullHttpRequest request, String path, String clientAddress) {
        HttpMethod method = request.method();
        CompletableFuture<JsonNode> answer;
        try {
            answer = find(method, path).handler().answer(request, clientAddress);
        } catch (ApiError error) {
            answer = CompletableFuture.failedFuture(error);
        }
        answer.whenComplete((body, failure) -> ctx.executor().execute(() -> HttpResponses.send(ctx, method,
                failure == null ? HttpResponses.json(OK, body) : errorResponse(unwrap(failure)))));
    }

    private Route find(HttpMethod method, String path) {
        List<Route> atPath = routes.stream().filter(route -> route.matches(path)).toList();
        if (atPath.isEmpty()) {
            throw new ApiError(NOT_FOUND, "not_found", "no API at " + path + "; see "
                    + routes.stream().map(Route::path).distinct().collect(Collectors.joining(", ")));
        }
        return atPath.stream().filter(route -> route.method().equals(method)).findFirst().orElseThrow(() ->
                new ApiError(METHOD_NOT_ALLOWED, "method_not_allowed", "use " + atPath.stream()
                        .map(route -> route.method().name()).collect(Collectors.joining(" or ")) + " here"));
    }

    // ---- endpoints ----------------------------------------------------------------------------

    /**
     * Through the server's one login gate: a try is reserved before any hashing, so parallel
     * guesses meet the budget too; throttled or busy, the answer is 429 with a Retry-After.
     */
    private CompletableFuture<JsonNode> login(JsonNode body, String clientAddress) {
        String handle = text(body, "handle");
        String password = text(body, "password");
        return api.logins().login(handle, password, clientAddress, "rest").thenCompose(outcome -> {
            if (outcome instanceof Outcome.Throttled throttled) {
                throw new ApiError(TOO_MANY_REQUESTS, "slow_down", "too many failed logins for this handle or from"
                        + " your address; try again in " + seconds(throttled.retryAfter()) + " s", Optional.of(throttled.retryAfter()));
            }
            if (outcome instanceof Outcome.Busy busy) {
                throw new ApiError(TOO_MANY_REQUESTS, "too_many_requests",
                        "the server is busy checking passwords; try again shortly", Optional.of(busy.retryAfter()));
            }
            if (!(outcome instanceof Outcome.Accepted accepted)) {
                log.info("failed API login for {} from {}", HandleRules.forLog(handle), clientAddress);
                throw new ApiError(UNAUTHORIZED, "bad_credentials", "Login incorrect.");
            }
            User user = accepted.user();
            if (user.banned()) throw new ApiError(FORBIDDEN, "banned", "This account is banned.");
            log.info("API login {} from {}", user.handle(), clientAddress);
            return api.workers().submit(() -> (JsonNode) json.createObjectNode().put("token", api.tokens().issue(user)));
        });
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private CompletableFuture<JsonNode> logout(String token) {
        return api.workers().submit(() -> {
            if (api.tokens().authenticate(token).isEmpty()) throw unauthorized();
            api.tokens().revoke(token);
            return json.createObjectNode().put("status", "ok");
        });
    }

    private CompletableFuture<JsonNode> presence(User me) {
        Instant now = api.clock().instant();
        ArrayNode list = json.createArrayNode();
        for (UserPresence user : api.presence().all()) {
            list.addObject()
                    .put("username", user.handle())
                    .put("display_name", user.displayName())
                    .put("status", user.status().wireName())
                    .put("idle_seconds", user.idle(now).toSeconds());
        }
        return CompletableFuture.completedFuture(list);
    }

    /** Everyone registered, by handle, a page at a time: {@code after} is the last handle of the page before. */
    private CompletableFuture<JsonNode> members(QueryStringDecoder query) {
        int limit = parameter(query, "limit").map(ApiRouter::limit).orElse(DEFAULT_PAGE);
        String after = parameter(query, "after").orElse("");
        return api.workers().submit(() -> api.presenceStore().members(after, limit)).thenApply(members -> {
            ArrayNode list = json.createArrayNode();
            for (Member member : members) {
                ObjectNode item = list.addObject()
                        .put("username", member.handle())
                        .put("display_name", member.displayName())
                        .put("status", api.presence().status(member.handle()).wireName())
                        .put("sysop", member.sysop());
                member.lastSeen().ifPresentOrElse(at -> item.put("last_seen", EventHub.timestamp(at)),
                        () -> item.putNull("last_seen"));
            }
            return list;
        });
    }

    private CompletableFuture<JsonNode> setStatus(User me, JsonNode body) {
        String wire = text(body, "status");
        Status status = Status.fromWire(wire).filter(s -> s != Status.OFFLINE).orElseThrow(() ->
                new ApiError(BAD_REQUEST, "bad_field", "status must be online, away or dnd"));
        if (!api.presence().choose(me.handle(), status, Optional.empty())) {
            throw new ApiError(CONFLICT, "not_online",
                    "you have no connection: open /events (or a terminal) first, then set your status");
        }
        return CompletableFuture.completedFuture(json.createObjectNode().put("status", status.wireName()));
    }

    private CompletableFuture<JsonNode> typing(User me, JsonNode body) {
        String to = text(body, "to");
        JsonNode typing = body.get("typing");
        if (typing != null && !typing.isNull() && !typing.isBoolean()) {
            throw new ApiError(BAD_REQUEST, "bad_field", "typing must be true or false");
        }
        api.events().typing(me.handle(), to, typing == null || typing.isNull() || typing.asBoolean());
        return CompletableFuture.completedFuture(json.createObjectNode().put("status", "ok"));
    }

    private CompletableFuture<JsonNode> messages(User me, QueryStringDecoder query) {
        String peer = parameter(query, "peer").orElseThrow(() ->
                new ApiError(BAD_REQUEST, "missing_field", "peer is required: /api/messages?peer=HANDLE"));
        int limit = parameter(query, "limit").map(ApiRouter::limit).orElse(DEFAULT_PAGE);
        Optional<String> before = parameter(query, "before");
        return page(me, peer, before, limit).thenApply(page -> {
            ArrayNode list = json.createArrayNode();
            for (DirectMessage message : page) {
                boolean mine = message.from().equalsIgnoreCase(me.handle());
                ObjectNode item = json.valueToTree(EventHub.newMessage(message, mine));
                item.put("read", message.readAt().isPresent());
                list.add(item);
            }
            return list;
        });
    }

    /** Each peer with the latest message either way and how many of theirs are unread, most recent first. */
    private CompletableFuture<JsonNode> conversations(User me, QueryStringDecoder query) {
        int limit = parameter(query, "limit").map(ApiRouter::limit).orElse(DEFAULT_PAGE);
        return api.messenger().conversations(me.handle(), limit).thenApply(conversations -> {
            ArrayNode list = json.createArrayNode();
            for (Conversation conversation : conversations) {
                DirectMessage last = conversation.last();
                ObjectNode item = list.addObject().put("peer", conversation.peer());
                ObjectNode message = json.valueToTree(EventHub.newMessage(last, last.from().equalsIgnoreCase(me.handle())));
                message.put("read", last.readAt().isPresent());
                item.set("last_message", message);
                item.put("unread", conversation.unread());
            }
            return list;
        });
    }

    /** The rooms, busiest first: the same list as a terminal's /list. */
    private CompletableFuture<JsonNode> rooms(User me) {
        ArrayNode list = json.createArrayNode();
        for (ChatManager.Listing room : api.chat().rooms()) {
            list.addObject().put("room", room.name().name()).put("members", room.members())
                    .put("topic", room.topic()).put("owner", room.owner().orElse(null))
                    .put("invitation_only", room.invitationOnly());
        }
        return CompletableFuture.completedFuture(list);
    }

    /** A room's kept lines before line {@code before} (the latest without it), oldest first. */
    private CompletableFuture<JsonNode> roomHistory(User me, String name, QueryStringDecoder query) {
        Optional<RoomName> room = RoomName.parse(name).filter(r -> api.chat().mayEnter(r, me.handle(), me.sysop()));
        if (room.isEmpty()) {
            throw new ApiError(NOT_FOUND, "no_such_room", "no room " + name + " that you may read; see /api/rooms");
        }
        int limit = parameter(query, "limit").map(ApiRouter::limit).orElse(DEFAULT_PAGE);
        long before = parameter(query, "before").map(ApiRouter::lineId).orElse(Long.MAX_VALUE);
        return api.archive().before(room.get(), before, limit).thenApply(lines -> {
            ArrayNode list = json.createArrayNode();
            for (HistoryLine line : lines) {
                ObjectNode item = json.valueToTree(EventHub.chatEvent(line.event()));
                item.put("id", line.id());
                list.add(item);
            }
            return list;
        });
    }

    private static long lineId(String text) {
        try {
            long id = Long.parseLong(text);
            if (id >= 1) return id;
        } catch (NumberFormatException ignored) {
            // told below
        }
        throw new ApiError(BAD_REQUEST, "bad_field", "before must be the id of a line (a whole number from 1)");
    }

    /** {@code before} is a message id (the oldest one the client has) or an ISO-8601 time. */
    private CompletableFuture<List<DirectMessage>> page(User me, String peer, Optional<String> before, int limit) {
        if (before.isEmpty()) return api.messenger().history(me.handle(), peer, END_OF_TIME, limit);
        try {
            UUID id = UUID.fromString(before.get());
            return api.messenger().historyBefore(me.handle(), peer, id, limit).thenApply(page -> page.orElseThrow(() ->
                    new ApiError(BAD_REQUEST, "bad_field", "before names no message between you and " + peer)));
        } catch (IllegalArgumentException notAnId) {
            try {
                return api.messenger().history(me.handle(), peer, Instant.parse(before.get()), limit);
            } catch (DateTimeParseException notATime) {
                throw new ApiError(BAD_REQUEST, "bad_field",
                        "before must be a message id or a time like 2026-01-31T12:00:00Z");
            }
        }
    }

    private static int limit(String text) {
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_PAGE) return limit;
        } catch (NumberFormatException ignored) {
            // told below
        }
        throw new ApiError(BAD_REQUEST, "bad_field", "limit must be a number from 1 to " + MAX_PAGE);
    }

    private static int node(JsonNode body) {
        JsonNode value = body.get("node");
        if (value == null || value.isNull()) throw new ApiError(BAD_REQUEST, "missing_field", "node is required (a number)");
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
            throw new ApiError(BAD_REQUEST, "bad_field", "node must be a node number, 1 or more");
        }
        return value.asInt();
    }

    /** Work of the sysop desk, for a token whose user is a sysop now (the flag is read with the token). */
    private CompletableFuture<JsonNode> asSysop(FullHttpRequest request, java.util.function.BiFunction<SysopDesk, User, JsonNode> work) {
        SysopDesk sysopDesk = desk.orElseThrow(() -> new ApiError(NOT_FOUND, "not_found", "this server has no sysop dashboard"));
        return authenticated(request, user -> {
            if (!user.sysop()) throw new ApiError(FORBIDDEN, "not_sysop", "only sysops may use the sysop dashboard");
            return api.workers().submit(() -> {
                try {
                    return work.apply(sysopDesk, user);
                } catch (IllegalArgumentException e) {
                    throw new ApiError(NOT_FOUND, "no_such_node", e.getMessage());
                }
            });
        });
    }

    // ---- authentication -------------------------------------------------------------------------

    /** The token is looked up on every request, expiry and revocation included: nothing is cached. */
    private CompletableFuture<JsonNode> authenticated(FullHttpRequest request,
            Function<User, CompletableFuture<JsonNode>> then) {
        String token = bearer(request);
        return api.workers().submit(() -> api.tokens().authenticate(token).orElseThrow(ApiRouter::unauthorized))
                .thenCompose(then);
    }

    /** The token from {@code Authorization: Bearer TOKEN}, or from {@code ?token=}. */
    static String bearer(FullHttpRequest request) {
        return token(request.headers(), new QueryStringDecoder(request.uri()))
                .orElseThrow(() -> new ApiError(UNAUTHORIZED, "no_token",
                        "send Authorization: Bearer TOKEN (a token from POST /api/login)"));
    }

    static Optional<String> token(HttpHeaders headers, QueryStringDecoder query) {
        String authorization = headers.get(HttpHeaderNames.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            if (!token.isEmpty()) return Optional.of(token);
        }
        return parameter(query, "token");
    }

    private static ApiError unauthorized() {
        return new ApiError(UNAUTHORIZED, "bad_token", "the token is unknown, expired or revoked: log in again");
    }

    // ---- requests and responses ------------------------------------------------------------------

    private JsonNode body(FullHttpRequest request) {
        String text = request.content().toString(StandardCharsets.UTF_8);
        if (text.isBlank()) throw new ApiError(BAD_REQUEST, "bad_json", "the request needs a JSON object body");
        try {
            JsonNode body = json.readTree(text);
            if (body == null || !body.isObject()) throw new ApiError(BAD_REQUEST, "bad_json", "the body must be a JSON object");
            return body;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiError(BAD_REQUEST, "bad_json", "the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) throw new ApiError(BAD_REQUEST, "missing_field", field + " is required (a string)");
        if (!value.isTextual()) throw new ApiError(BAD_REQUEST, "bad_field", field + " must be a string");
        if (value.asText().isBlank()) throw new ApiError(BAD_REQUEST, "bad_field", field + " must not be empty");
        return value.asText();
    }

    private static Optional<String> parameter(QueryStringDecoder query, String name) {
        List<String> values = query.parameters().get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? Optional.empty()
                : Optional.of(values.get(0).trim());
    }

    private static Throwable unwrap(Throwable failure) {
        while (failure instanceof CompletionException && failure.getCause() != null) failure = failure.getCause();
        return failure;
    }

    private FullHttpResponse errorResponse(Throwable failure) {
        if (StoreException.foundIn(failure)) {
            // The database is away (PostgreSQL restarting, say): not the client's fault, and soon over.
            log.warn("API request failed: the database is unavailable ({})", failure.toString());
            FullHttpResponse response = HttpResponses.error(SERVICE_UNAVAILABLE, "unavailable",
                    "the BBS's database is unavailable just now; try again shortly");
            response.headers().set(HttpHeaderNames.RETRY_AFTER, seconds(UNAVAILABLE_RETRY));
            return response;
        }
        if (!(failure instanceof ApiError error)) {
            log.warn("API request failed", failure);
            return HttpResponses.error(INTERNAL_SERVER_ERROR, "internal", "something went wrong on our side; try again");
        }
        FullHttpResponse response = HttpResponses.error(error.status, error.code, error.getMessage());
        error.retryAfter.ifPresent(wait -> response.headers().set(HttpHeaderNames.RETRY_AFTER, seconds(wait)));
        return response;
    }
}

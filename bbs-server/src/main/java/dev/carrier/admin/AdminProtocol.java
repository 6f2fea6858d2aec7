package dev.carrier.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrier.runtime.Workers;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The requests of the admin connection and what each does: HTTP/1.1 on loopback, every request
 * with {@code Authorization: Bearer TOKEN} (the token from {@code admin.json}) and optionally
 * {@code Carrier-Actor: shell:NAME}, who acts, for the audit log.
 *
 * <pre>
 * POST /v1/users/add      {"handle", "password", "sysop"}  -> UserView
 * POST /v1/users/list     {}                               -> [UserView]
 * POST /v1/users/show     {"handle"}                       -> UserView
 * POST /v1/users/passwd   {"handle", "password"}           -> UserView
 * POST /v1/users/ban      {"handle", "reason"}             -> Closed (live sessions hung up)
 * POST /v1/users/unban    {"handle"}                       -> UserView
 * POST /v1/users/sysop    {"handle", "sysop"}              -> UserView
 * POST /v1/users/delete   {"handle"}                       -> Closed
 * POST /v1/audit          {"limit"}                        -> [AuditView], oldest first
 * POST /v1/who            {}                               -> WhoView
 * POST /v1/kick           {"target", "reason"}             -> Kicked
 * POST /v1/broadcast      {"text"}                         -> Broadcast
 * POST /v1/status         {}                               -> StatusView
 * GET  /v1/events                                          -> one TailEvent JSON object per line, streamed
 * </pre>
 *
 * A refusal is {@code 400 {"error": "one line"}}; a wrong or missing token
 * {@code 401 {"error": ...}}; an unknown request 404.
 */
public final class AdminProtocol {

    public static final String PREFIX = "/v1/";
    public static final String EVENTS = PREFIX + "events";
    public static final String ACTOR_HEADER = "Carrier-Actor";

    private final Function<String, Admin> adminFor;
    private final EventFeed feed;
    private final Workers workers;

    /**
     * @param adminFor the running server's {@link Admin} acting for the named actor
     * @param feed     what {@code /v1/events} streams
     * @param workers  where the blocking work of each request runs
     */
    public AdminProtocol(Function<String, Admin> adminFor, EventFeed feed, Workers workers) {
        this.adminFor = adminFor;
        this.feed = feed;
        this.workers = workers;
    }

    EventFeed feed() {
        return feed;
    }

    /** Whether {@code operation} (the path after {@code /v1/}) is a request this protocol knows. */
    static boolean knows(String operation) {
        return switch (operation) {
            case "users/add", "users/list", "users/show", "users/passwd", "users/ban", "users/unban", "users/sysop",
                    "users/delete", "audit", "who", "kick", "broadcast", "status" -> true;
            default -> false;
        };
    }

    /** Runs one request on the worker pool; fails with an {@link AdminException} to refuse it. */
    CompletableFuture<Object> call(String operation, String actor, JsonNode args) {
        return workers.submit(() -> {
            try (Admin admin = adminFor.apply(actor)) {
                return dispatch(admin, operation, args);
            }
        });
    }

    private static Object dispatch(Admin admin, String operation, JsonNode args) {
        return switch (operation) {
            case "users/add" -> admin.addUser(text(args, "handle"), text(args, "password"),
                    args.path("sysop").asBoolean(false));
            case "users/list" -> admin.users();
            case "users/show" -> admin.user(text(args, "handle"));
            case "users/passwd" -> admin.changePassword(text(args, "handle"), text(args, "password"));
            case "users/ban" -> admin.ban(text(args, "handle"), optionalText(args, "reason"));
            case "users/unban" -> admin.unban(text(args, "handle"));
            case "users/sysop" -> admin.setSysop(text(args, "handle"), args.path("sysop").asBoolean(true));
            case "users/delete" -> admin.delete(text(args, "handle"));
            case "audit" -> admin.audit(args.path("limit").asInt(LocalAdmin.DEFAULT_AUDIT_LIMIT));
            case "who" -> admin.who();
            case "kick" -> admin.kick(text(args, "target"), optionalText(args, "reason"));
            case "broadcast" -> admin.broadcast(text(args, "text"));
            case "status" -> admin.status();
            default -> throw new AdminException("unknown request " + operation);
        };
    }

    private static String text(JsonNode args, String field) {
        JsonNode value = args.get(field);
        if (value == null || !value.isTextual()) throw new AdminException("the request needs " + field + " as text");
        return value.asText();
    }

    private static String optionalText(JsonNode args, String field) {
        JsonNode value = args.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

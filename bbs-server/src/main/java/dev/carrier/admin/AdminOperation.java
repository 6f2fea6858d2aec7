package dev.carrier.admin;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.carrier.admin.AdminViews.AuditView;
import dev.carrier.admin.AdminViews.Broadcast;
import dev.carrier.admin.AdminViews.Closed;
import dev.carrier.admin.AdminViews.Kicked;
import dev.carrier.admin.AdminViews.KeyView;
import dev.carrier.admin.AdminViews.StatusView;
import dev.carrier.admin.AdminViews.SysopChatView;
import dev.carrier.admin.AdminViews.UserView;
import dev.carrier.admin.AdminViews.WhoView;
import dev.carrier.json.Json;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One request of the admin connection, and below, the table of them all: its path, the record
 * its arguments travel in, how the server reads that record back (refusing what it cannot use),
 * the type of the answer, and the {@link Admin} method that does the work. {@link RemoteAdmin}
 * sends an operation, {@link AdminHandler} finds it by path and runs it on {@link LocalAdmin}:
 * a new admin request is one entry here, its {@code Admin} method, and a command to call it.
 *
 * <p>Every operation is {@code POST /v1/PATH} with the arguments as a JSON object; the answer is
 * the result as JSON ({@link AdminViews}), or {@code {"error": {"code", "message"}}}.
 *
 * @param path    after {@code /v1/}
 * @param read    the arguments from the request body
 * @param answer  what the result reads back as on the client
 * @param handler which {@link Admin} method answers
 */
public record AdminOperation<A, R>(String path, Function<Body, A> read, JavaType answer,
        BiFunction<Admin, A, R> handler) {

    // ---- the arguments of each request, as they travel --------------------------------------------

    public record None() {}

    public record AddUser(String handle, String password, boolean sysop) {}

    public record Handle(String handle) {}

    public record ChangePassword(String handle, String password) {}

    public record Ban(String handle, String reason) {}

    public record SetSysop(String handle, boolean sysop) {}

    public record AddKey(String handle, String key) {}

    public record RemoveKey(String handle, String fingerprint) {}

    public record Audit(int limit) {}

    public record Kick(String target, String reason) {}

    public record Text(String text) {}

    public record ChatLine(String handle, String text) {}

    // ---- the table ------------------------------------------------------------------------------

    public static final AdminOperation<AddUser, UserView> ADD_USER = of("users/add",
            body -> new AddUser(body.text("handle"), body.text("password"), body.bool("sysop", false)),
            UserView.class, (admin, a) -> admin.addUser(a.handle(), a.password(), a.sysop()));

    public static final AdminOperation<None, List<UserView>> LIST_USERS = listOf("users/list",
            body -> new None(), UserView.class, (admin, a) -> admin.users());

    public static final AdminOperation<Handle, UserView> SHOW_USER = of("users/show",
            body -> new Handle(body.text("handle")), UserView.class, (admin, a) -> admin.user(a.handle()));

    public static final AdminOperation<ChangePassword, UserView> CHANGE_PASSWORD = of("users/passwd",
            body -> new ChangePassword(body.text("handle"), body.text("password")),
            UserView.class, (admin, a) -> admin.changePassword(a.handle(), a.password()));

    /** Live sessions are hung up when a server runs. */
    public static final AdminOperation<Ban, Closed> BAN = of("users/ban",
            body -> new Ban(body.text("handle"), body.optionalText("reason")),
            Closed.class, (admin, a) -> admin.ban(a.handle(), a.reason()));

    public static final AdminOperation<Handle, UserView> UNBAN = of("users/unban",
            body -> new Handle(body.text("handle")), UserView.class, (admin, a) -> admin.unban(a.handle()));

    public static final AdminOperation<SetSysop, UserView> SET_SYSOP = of("users/sysop",
            body -> new SetSysop(body.text("handle"), body.bool("sysop", true)),
            UserView.class, (admin, a) -> admin.setSysop(a.handle(), a.sysop()));

    public static final AdminOperation<Handle, Closed> DELETE_USER = of("users/delete",
            body -> new Handle(body.text("handle")), Closed.class, (admin, a) -> admin.delete(a.handle()));

    public static final AdminOperation<AddKey, KeyView> ADD_KEY = of("users/keys/add",
            body -> new AddKey(body.text("handle"), body.text("key")),
            KeyView.class, (admin, a) -> admin.addKey(a.handle(), a.key()));

    /** Oldest first. */
    public static final AdminOperation<Handle, List<KeyView>> LIST_KEYS = listOf("users/keys/list",
            body -> new Handle(body.text("handle")), KeyView.class, (admin, a) -> admin.keys(a.handle()));

    public static final AdminOperation<RemoveKey, KeyView> REMOVE_KEY = of("users/keys/remove",
            body -> new RemoveKey(body.text("handle"), body.text("fingerprint")),
            KeyView.class, (admin, a) -> admin.removeKey(a.handle(), a.fingerprint()));

    /** Oldest first. */
    public static final AdminOperation<Audit, List<AuditView>> AUDIT = listOf("audit",
            body -> new Audit(body.integer("limit", LocalAdmin.DEFAULT_AUDIT_LIMIT)),
            AuditView.class, (admin, a) -> admin.audit(a.limit()));

    public static final AdminOperation<None, WhoView> WHO = of("who",
            body -> new None(), WhoView.class, (admin, a) -> admin.who());

    public static final AdminOperation<Kick, Kicked> KICK = of("kick",
            body -> new Kick(body.text("target"), body.optionalText("reason")),
            Kicked.class, (admin, a) -> admin.kick(a.target(), a.reason()));

    public static final AdminOperation<Text, Broadcast> BROADCAST = of("broadcast",
            body -> new Text(body.text("text")), Broadcast.class, (admin, a) -> admin.broadcast(a.text()));

    public static final AdminOperation<Handle, SysopChatView> CHAT_OPEN = of("chat/open",
            body -> new Handle(body.text("handle")), SysopChatView.class, (admin, a) -> admin.chatOpen(a.handle()));

    public static final AdminOperation<ChatLine, SysopChatView> CHAT_SAY = of("chat/say",
            body -> new ChatLine(body.text("handle"), body.text("text")), SysopChatView.class,
            (admin, a) -> admin.chatSay(a.handle(), a.text()));

    public static final AdminOperation<Handle, SysopChatView> CHAT_END = of("chat/end",
            body -> new Handle(body.text("handle")), SysopChatView.class, (admin, a) -> admin.chatEnd(a.handle()));

    public static final AdminOperation<None, StatusView> STATUS = of("status",
            body -> new None(), StatusView.class, (admin, a) -> admin.status());

    static final List<AdminOperation<?, ?>> ALL = List.of(ADD_USER, LIST_USERS, SHOW_USER, CHANGE_PASSWORD, BAN,
            UNBAN, SET_SYSOP, DELETE_USER, ADD_KEY, LIST_KEYS, REMOVE_KEY, AUDIT, WHO, KICK, BROADCAST, CHAT_OPEN,
            CHAT_SAY, CHAT_END, STATUS);

    /** The operation at {@code path} (after {@code /v1/}), if there is one. */
    static Optional<AdminOperation<?, ?>> at(String path) {
        for (AdminOperation<?, ?> operation : ALL) {
            if (operation.path.equals(path)) return Optional.of(operation);
        }
        return Optional.empty();
    }

    /** Reads the arguments from {@code body} and does the work; refusals are {@link AdminException}s. */
    R run(Admin admin, JsonNode body) {
        return handler.apply(admin, read.apply(new Body(body)));
    }

    private static <A, R> AdminOperation<A, R> of(String path, Function<Body, A> read, Class<R> answer,
            BiFunction<Admin, A, R> handler) {
        return new AdminOperation<>(path, read, Json.MAPPER.constructType(answer), handler);
    }

    private static <A, E> AdminOperation<A, List<E>> listOf(String path, Function<Body, A> read, Class<E> element,
            BiFunction<Admin, A, List<E>> handler) {
        return new AdminOperation<>(path, read,
                Json.MAPPER.getTypeFactory().constructCollectionType(List.class, element), handler);
    }

    /** A request body as the server reads it: a missing or mistyped field is refused by name. */
    public record Body(JsonNode json) {

        String text(String field) {
            JsonNode value = json.get(field);
            if (value == null || !value.isTextual()) throw new AdminException("the request needs " + field + " as text");
            return value.asText();
        }

        String optionalText(String field) {
            JsonNode value = json.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }

        boolean bool(String field, boolean absent) {
            return json.path(field).asBoolean(absent);
        }

        int integer(String field, int absent) {
            return json.path(field).asInt(absent);
        }
    }
}

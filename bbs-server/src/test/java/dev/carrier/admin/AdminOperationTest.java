package dev.carrier.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrier.admin.AdminViews.TailEvent;
import dev.carrier.admin.AdminViews.UserView;
import dev.carrier.json.Json;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The table of admin requests: complete, one path each, and the JSON on the wire as it always was. */
class AdminOperationTest {

    /** An Admin that only notes which method was called, and with what. */
    private static Admin recording(List<String> calls) {
        return (Admin) Proxy.newProxyInstance(Admin.class.getClassLoader(), new Class<?>[] {Admin.class},
                (proxy, method, args) -> {
                    calls.add(method.getName() + (args == null ? "()" : Arrays.toString(args)));
                    return null;
                });
    }

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    @Test
    void everyAdminRequestMethodHasExactlyOneOperation() throws Exception {
        List<String> calls = new ArrayList<>();
        Admin admin = recording(calls);
        JsonNode everything = json("{\"handle\":\"h\",\"password\":\"p\",\"target\":\"t\",\"text\":\"x\",\"limit\":5,"
                + "\"key\":\"k\",\"fingerprint\":\"f\"}");
        for (AdminOperation<?, ?> operation : AdminOperation.ALL) operation.run(admin, everything);

        Set<String> requests = Arrays.stream(Admin.class.getDeclaredMethods()).map(Method::getName)
                .filter(name -> !Set.of("live", "tail", "close").contains(name)).collect(Collectors.toSet());
        Set<String> called = calls.stream().map(call -> call.split("[\\[(]")[0]).collect(Collectors.toSet());
        assertEquals(requests, called);
        assertEquals(AdminOperation.ALL.size(), calls.size());
        Set<String> paths = new HashSet<>();
        for (AdminOperation<?, ?> operation : AdminOperation.ALL) paths.add(operation.path());
        assertEquals(AdminOperation.ALL.size(), paths.size(), "each path once");
    }

    @Test
    void theServerReadsArgumentsAndTheirDefaultsAsBefore() throws Exception {
        List<String> calls = new ArrayList<>();
        Admin admin = recording(calls);
        AdminOperation.ADD_USER.run(admin, json("{\"handle\":\"alice\",\"password\":\"pw\"}"));
        AdminOperation.SET_SYSOP.run(admin, json("{\"handle\":\"alice\"}"));
        AdminOperation.AUDIT.run(admin, json("{}"));
        AdminOperation.BAN.run(admin, json("{\"handle\":\"bob\",\"reason\":null}"));
        AdminOperation.KICK.run(admin, json("{\"target\":\"3\"}"));
        assertEquals(List.of("addUser[alice, pw, false]", "setSysop[alice, true]",
                "audit[" + LocalAdmin.DEFAULT_AUDIT_LIMIT + "]", "ban[bob, null]", "kick[3, null]"), calls);
    }

    @Test
    void aMissingOrMistypedFieldIsRefusedByName() throws Exception {
        Admin admin = recording(new ArrayList<>());
        AdminException missing = assertThrows(AdminException.class,
                () -> AdminOperation.SHOW_USER.run(admin, json("{}")));
        assertEquals("the request needs handle as text", missing.getMessage());
        AdminException number = assertThrows(AdminException.class,
                () -> AdminOperation.BROADCAST.run(admin, json("{\"text\":5}")));
        assertEquals("the request needs text as text", number.getMessage());
    }

    @Test
    void requestBodiesAreTheSameJsonAsBefore() throws Exception {
        assertEquals("{\"handle\":\"alice\",\"password\":\"pw\",\"sysop\":true}",
                Json.MAPPER.writeValueAsString(new AdminOperation.AddUser("alice", "pw", true)));
        assertEquals("{\"handle\":\"bob\",\"reason\":null}",
                Json.MAPPER.writeValueAsString(new AdminOperation.Ban("bob", null)));
        assertEquals("{\"limit\":50}", Json.MAPPER.writeValueAsString(new AdminOperation.Audit(50)));
        assertEquals("{}", Json.MAPPER.writeValueAsString(new AdminOperation.None()));
    }

    @Test
    void answersLeaveNullFieldsOutAndReadBackTheSame() throws Exception {
        UserView never = new UserView("alice", false, false, null, "2026-01-01T00:00:00Z", null);
        String written = new String(AdminJson.write(List.of(never)), StandardCharsets.UTF_8);
        assertEquals("[{\"handle\":\"alice\",\"sysop\":false,\"banned\":false,\"createdAt\":\"2026-01-01T00:00:00Z\"}]",
                written);
        assertEquals(List.of(never), Json.MAPPER.readValue(written, AdminOperation.LIST_USERS.answer()));
        assertEquals("{\"at\":\"2026-01-01T00:00:00Z\",\"kind\":\"ready\"}", new String(
                AdminJson.write(new TailEvent("2026-01-01T00:00:00Z", "ready", null, null, null)), StandardCharsets.UTF_8));
    }
}

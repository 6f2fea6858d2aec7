package dev.carrier.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carrier.bus.BusMessage;
import dev.carrier.chat.ChatEvent;
import dev.carrier.chat.RoomName;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BusCodecTest {

    private final BusCodec codec = new BusCodec();

    @Test
    void everyBusMessageRecordRoundTrips() throws Exception {
        List<Class<?>> found = busMessageRecords();
        assertFalse(found.isEmpty());
        assertTrue(found.contains(ChatEvent.Public.class), found.toString());
        for (Class<?> type : found) {
            BusMessage message = (BusMessage) sample(type);
            BusCodec.Received back = codec.decode(codec.encode("alpha", message));
            assertEquals("alpha", back.server());
            assertEquals(message, back.message(), type.getName());
        }
    }

    @Test
    void theClusterOwnMessagesRoundTrip() {
        for (BusMessage message : List.<BusMessage>of(
                (BusMessage) sample(ServerBeat.class), (BusMessage) sample(ServerLeaving.class))) {
            assertEquals(message, codec.decode(codec.encode("beta", message)).message());
        }
    }

    @Test
    void refusesWhatIsNotACarrierBusMessage() {
        for (String type : List.of("java.util.ArrayList", "dev.carrier.chat.RoomName", "dev.carrier.nope.Missing",
                "dev.carrier.bus.BusMessage")) {
            String json = "{\"server\":\"a\",\"type\":\"" + type + "\",\"body\":{}}";
            assertThrows(IllegalArgumentException.class, () -> codec.decode(json.getBytes(StandardCharsets.UTF_8)),
                    type);
        }
        assertThrows(IllegalArgumentException.class, () -> codec.decode("nonsense".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> codec.decode("{}".getBytes(StandardCharsets.UTF_8)));
    }

    /** Every record in the engine's classes that is a BusMessage, found by reading the compiled classes. */
    private static List<Class<?>> busMessageRecords() throws IOException, URISyntaxException {
        Path where = Path.of(BusMessage.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        if (Files.isDirectory(where)) {
            collect(where, found);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(where)) {
                collect(jar.getPath("/"), found);
            }
        }
        return found;
    }

    private static void collect(Path root, List<Class<?>> found) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (!relative.endsWith(".class") || !relative.startsWith("dev/carrier/")) continue;
                String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
                Class<?> type;
                try {
                    type = Class.forName(name, false, BusCodecTest.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                if (type.isRecord() && BusMessage.class.isAssignableFrom(type)) found.add(type);
            }
        }
    }

    /** A value of any type a bus message holds, valid for the records' own checks. */
    static Object sample(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] args = parameterized.getActualTypeArguments();
            if (raw == Optional.class) return Optional.of(sample(args[0]));
            if (raw == List.class) return List.of(sample(args[0]));
            if (raw == Set.class) return Set.of(sample(args[0]));
            if (raw == Map.class) return Map.of(sample(args[0]), sample(args[1]));
            if (raw == dev.carrier.bus.Partitioned.Share.class) {
                return new dev.carrier.bus.Partitioned.Share<>(4L, List.of(sample(args[0])));
            }
            throw new IllegalArgumentException("no sample for " + type);
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) return "abc";
        if (raw == int.class || raw == Integer.class) return 2;
        if (raw == long.class || raw == Long.class) return 3L;
        if (raw == boolean.class || raw == Boolean.class) return true;
        // To the nanosecond: a chat line's key is made from its time on every server alike.
        if (raw == Instant.class) return Instant.parse("2026-01-02T03:04:05.678901234Z");
        if (raw == java.util.UUID.class) return java.util.UUID.fromString("0b7e6a52-3c1d-4e8f-9a2b-5c6d7e8f9a0b");
        if (raw == Duration.class) return Duration.ofSeconds(7);
        if (raw == RoomName.class) return new RoomName("lobby");
        if (raw.isEnum()) return raw.getEnumConstants()[raw.getEnumConstants().length - 1];
        if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = sample(components[i].getGenericType());
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> canonical = raw.getDeclaredConstructor(types);
                canonical.setAccessible(true);
                return canonical.newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build " + raw, e);
            }
        }
        throw new IllegalArgumentException("no sample for " + type);
    }

    private static void assertTrue(boolean condition, String message) {
        org.junit.jupiter.api.Assertions.assertTrue(condition, message);
    }
}

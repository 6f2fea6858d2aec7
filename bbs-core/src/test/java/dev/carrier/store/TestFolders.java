package dev.carrier.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folders a test made and gives back: a NATS store, a cluster's data folders. */
public final class TestFolders {

    private TestFolders() {}

    /** Deletes {@code folder} and everything in it. */
    public static void delete(Path folder) {
        delete(folder, true);
    }

    /** Deletes everything in {@code folder}, leaving it empty. */
    public static void empty(Path folder) {
        delete(folder, false);
    }

    private static void delete(Path folder, boolean itself) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).filter(path -> itself || !path.equals(folder))
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

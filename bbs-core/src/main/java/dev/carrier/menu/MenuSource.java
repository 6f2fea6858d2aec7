package dev.carrier.menu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Where menu and screen files come from: the sysop's folder, or the defaults inside the program. */
public interface MenuSource {

    /** The file's bytes, or empty when there is no such file. */
    Optional<byte[]> read(String fileName);

    /** How to name a file of this source in a message. */
    String describe(String fileName);

    static MenuSource folder(Path folder) {
        return new MenuSource() {
            @Override
            public Optional<byte[]> read(String fileName) {
                try {
                    return Optional.of(Files.readAllBytes(folder.resolve(fileName)));
                } catch (NoSuchFileException e) {
                    return Optional.empty();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + describe(fileName) + ": " + e.getMessage(), e);
                }
            }

            @Override
            public String describe(String fileName) {
                return folder.resolve(fileName).toString();
            }
        };
    }

    /** The defaults shipped with the program, under {@code menus/} on the class path. */
    static MenuSource builtIn() {
        return new MenuSource() {
            @Override
            public Optional<byte[]> read(String fileName) {
                try (InputStream in = MenuSource.class.getResourceAsStream("/menus/" + fileName)) {
                    return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read built-in menus/" + fileName, e);
                }
            }

            @Override
            public String describe(String fileName) {
                return "built-in menus/" + fileName;
            }
        };
    }
}

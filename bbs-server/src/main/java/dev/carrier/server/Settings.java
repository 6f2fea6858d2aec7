package dev.carrier.server;

import dev.carrier.store.Database;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;

/**
 * Option values that were not given as flags: from the environment ({@code CARRIER_TELNET_PORT})
 * or from {@code carrier.properties} in the data folder ({@code telnet-port=2323}), in that order.
 * {@code CARRIER_CONFIG} names another file instead, as the Debian package does with
 * {@code /etc/carrier/carrier.properties}.
 */
final class Settings implements CommandLine.IDefaultValueProvider {

    static final String FILE_NAME = "carrier.properties";
    /** The variable that names the settings file when it is not in the data folder. */
    static final String CONFIG_VARIABLE = "CARRIER_CONFIG";

    private final Map<String, String> environment;
    private final Properties file;

    Settings(Map<String, String> environment, Properties file) {
        this.environment = environment;
        this.file = file;
    }

    /** The data folder decides where the file is, so it is found before anything else. */
    static Settings forArguments(String[] args, Map<String, String> environment) {
        String dataDir = environment.getOrDefault(environmentName("data-dir"), Database.DEFAULT_DATA_DIR);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) dataDir = args[i + 1];
            if (args[i].startsWith("--data-dir=")) dataDir = args[i].substring("--data-dir=".length());
        }
        String config = environment.get(CONFIG_VARIABLE);
        return new Settings(environment, read(config != null && !config.isBlank()
                ? Path.of(config) : Path.of(dataDir).resolve(FILE_NAME)));
    }

    private static Properties read(Path path) {
        Properties properties = new Properties();
        if (Files.isRegularFile(path)) {
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
            }
        }
        return properties;
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec argument) {
        if (!(argument instanceof CommandLine.Model.OptionSpec option)) return null;
        String name = option.longestName().replaceFirst("^-+", "");
        String fromEnvironment = environment.get(environmentName(name));
        if (fromEnvironment != null) return fromEnvironment;
        return file.getProperty(name);
    }

    static String environmentName(String optionName) {
        return "CARRIER_" + optionName.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}

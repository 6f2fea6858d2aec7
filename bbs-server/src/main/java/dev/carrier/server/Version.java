package dev.carrier.server;

import picocli.CommandLine;

/** The version the build stamped into the jar's manifest. */
final class Version implements CommandLine.IVersionProvider {

    static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"carrier " + current()};
    }
}

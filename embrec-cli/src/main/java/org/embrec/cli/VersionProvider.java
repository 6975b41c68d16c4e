package org.embrec.cli;

import picocli.CommandLine;

/** Reports the embrec version (from the jar manifest) and the running JVM. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {
            "embrec " + (v == null ? "dev" : v),
            "JVM " + System.getProperty("java.vm.name") + " " + Runtime.version()
        };
    }
}

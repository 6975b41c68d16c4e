package org.embrec.cli;

import org.embrec.EmbrecVersion;
import picocli.CommandLine;

/** Reports the embrec version (see {@link EmbrecVersion}) and the running JVM. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "embrec " + EmbrecVersion.get(),
            "JVM " + System.getProperty("java.vm.name") + " " + Runtime.version()
        };
    }
}

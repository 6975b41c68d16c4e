package org.embrec.spark;

import org.embrec.EmbrecVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code --version} of the Spark commands: embrec's version and the Spark version they were built for. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"embrec " + EmbrecVersion.get() + " (Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION()
            + ")"};
    }
}

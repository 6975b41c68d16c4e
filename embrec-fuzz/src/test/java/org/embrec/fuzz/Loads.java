package org.embrec.fuzz;

import org.embrec.Progress;
import org.embrec.data.DataLoader;
import org.embrec.data.DataSpec;

/** Loads a dataset the way the command line does, on one thread and without output. Stateless. */
final class Loads {
    private Loads() {}

    static void load(DataSpec spec) {
        DataLoader.load(spec, Progress.NONE, line -> { }, 1);
    }
}

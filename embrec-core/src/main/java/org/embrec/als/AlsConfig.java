package org.embrec.als;

import org.embrec.EmbrecException;

/**
 * Settings of implicit ALS (Hu, Koren and Volinsky 2008) trained with the conjugate-gradient row
 * solver of Takács, Pilászy and Tikk (2011), one field per CLI flag. Validated on construction
 * (the message names the flag); saved in the model's manifest. Immutable.
 *
 * @param dim factors per user and item ({@code --dim})
 * @param alsAlpha confidence of an observed entry is {@code 1 + alsAlpha} (weight 1: the data has no
 *     weight column), of an unobserved one 1 ({@code --als-alpha})
 * @param reg L2 regularisation added to every row's normal equations: {@code reg I} ({@code --reg})
 * @param iterations alternations, each solving every user row then every item row
 *     ({@code --iterations})
 * @param cgSteps conjugate-gradient steps per row and alternation, warm-started from the row's
 *     previous factors ({@code --cg-steps})
 * @param threads worker threads that solve rows ({@code --threads}); results do not depend on it
 */
public record AlsConfig(int dim, double alsAlpha, double reg, int iterations, int cgSteps, int threads) {
    /**
     * Defaults chosen on the validation splits of the bundled MovieLens data and two synthetic
     * corpora (docs/ALS.md has the evidence).
     */
    public static final int DEFAULT_DIM = 128;
    public static final double DEFAULT_ALPHA = 40;
    public static final double DEFAULT_REG = 100;
    public static final int DEFAULT_ITERATIONS = 15;
    public static final int DEFAULT_CG_STEPS = 3;

    public AlsConfig {
        require(dim >= 1 && dim <= 4096, "--dim must be in 1..4096, got " + dim);
        require(Double.isFinite(alsAlpha) && alsAlpha >= 0 && alsAlpha <= 1e6,
                "--als-alpha must be a number in [0, 1e6], got " + alsAlpha);
        require(Double.isFinite(reg) && reg > 0 && reg <= 1e9, "--reg must be a number in (0, 1e9], got " + reg);
        require(iterations >= 1 && iterations <= 1000, "--iterations must be in 1..1000, got " + iterations);
        require(cgSteps >= 1 && cgSteps <= 1000, "--cg-steps must be in 1..1000, got " + cgSteps);
        require(threads >= 1 && threads <= 1024, "--threads must be in 1..1024, got " + threads);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new EmbrecException(message);
        }
    }

    /** embrec's defaults on all available cores. */
    public static AlsConfig defaults() {
        return new AlsConfig(DEFAULT_DIM, DEFAULT_ALPHA, DEFAULT_REG, DEFAULT_ITERATIONS, DEFAULT_CG_STEPS,
                Runtime.getRuntime().availableProcessors());
    }

    public AlsConfig withDim(int v) {
        return new AlsConfig(v, alsAlpha, reg, iterations, cgSteps, threads);
    }

    public AlsConfig withAlsAlpha(double v) {
        return new AlsConfig(dim, v, reg, iterations, cgSteps, threads);
    }

    public AlsConfig withReg(double v) {
        return new AlsConfig(dim, alsAlpha, v, iterations, cgSteps, threads);
    }

    public AlsConfig withIterations(int v) {
        return new AlsConfig(dim, alsAlpha, reg, v, cgSteps, threads);
    }

    public AlsConfig withCgSteps(int v) {
        return new AlsConfig(dim, alsAlpha, reg, iterations, v, threads);
    }

    public AlsConfig withThreads(int v) {
        return new AlsConfig(dim, alsAlpha, reg, iterations, cgSteps, v);
    }
}

package dev.rebuildcauses.analysis.dockerfile;

/** How an instruction's operands are written. */
public enum InstructionForm {
    /** A JSON array of strings, e.g. {@code ["python", "app.py"]}: run without a shell. */
    JSON,
    /** Plain text, run through the shell for RUN, CMD and ENTRYPOINT. */
    SHELL
}

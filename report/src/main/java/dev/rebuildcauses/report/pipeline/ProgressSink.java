package dev.rebuildcauses.report.pipeline;

/** Where long work of the pipeline reports how far it got: a bar on a terminal, nothing in a server. */
@FunctionalInterface
public interface ProgressSink {
    /** Nothing is shown. */
    ProgressSink NONE = unit -> Progress.NONE;

    /** Starts reporting one piece of work counted in {@code unit} (e.g. "builds classified"). */
    Progress start(String unit);

    /** The progress of one piece of work. */
    interface Progress {
        Progress NONE = new Progress() {
            @Override
            public void update(long done, long total) {}

            @Override
            public void finish() {}
        };

        void update(long done, long total);

        /** The work is over (done or failed): whatever was drawn is cleared or closed. */
        void finish();
    }
}

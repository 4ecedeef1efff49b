package dev.rebuildcauses.app;

import dev.rebuildcauses.harvest.changes.HarvestException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waits for work a scan runs on another thread, failing with the work's own error. */
final class HarvestFutures {
    private HarvestFutures() {}

    /**
     * The result of {@code work}: its {@link HarvestException} or runtime exception as thrown, a clear
     * error when interrupted while {@code doing} (e.g. "reading the history"), which also cancels it.
     */
    static <T> T await(Future<T> work, String doing) throws HarvestException {
        try {
            return work.get();
        } catch (InterruptedException e) {
            work.cancel(true);
            Thread.currentThread().interrupt();
            throw new HarvestException(HarvestException.FailureKind.LOCAL, "interrupted while " + doing);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HarvestException harvest) {
                throw harvest;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}

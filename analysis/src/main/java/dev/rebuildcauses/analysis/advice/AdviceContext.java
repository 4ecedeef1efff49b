package dev.rebuildcauses.analysis.advice;

import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What the advisor knows beyond a job's builds and Dockerfiles.
 *
 * @param entersNoImage the builds whose every changed file is known to enter no image (tests, CI tools)
 * @param triggerInPlace the CI path filters already in place, e.g. {@code .github/workflows/docker.yml: on.push.paths};
 *     {@code ""} when none
 * @param skippedByTrigger the pushes those filters skip, which are not among the builds
 */
public record AdviceContext(Predicate<ClassifiedBuild> entersNoImage, String triggerInPlace, int skippedByTrigger) {
    public AdviceContext {
        Objects.requireNonNull(entersNoImage, "entersNoImage");
        triggerInPlace = triggerInPlace == null ? "" : triggerInPlace;
    }

    /** Nothing known beyond the builds. */
    public static AdviceContext none() {
        return new AdviceContext(build -> false, "", 0);
    }

    public boolean hasTriggerInPlace() {
        return !triggerInPlace.isEmpty();
    }
}

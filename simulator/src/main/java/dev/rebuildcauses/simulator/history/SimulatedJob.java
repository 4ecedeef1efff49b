package dev.rebuildcauses.simulator.history;

import java.util.ArrayList;
import java.util.List;

/**
 * A Jenkins item: a container (folder, multibranch project, organization folder) or a buildable job.
 * Names are as Jenkins stores them (a branch {@code feature/x} is named {@code feature%2Fx}).
 */
public final class SimulatedJob {
    private final String name;
    private final String fullName;
    private final JobKind kind;
    private final List<SimulatedJob> children = new ArrayList<>();
    private final List<SimulatedBuild> builds = new ArrayList<>();
    private final String repositoryKey;
    private final boolean branchJob;

    SimulatedJob(String name, String fullName, JobKind kind, String repositoryKey, boolean branchJob) {
        this.name = name;
        this.fullName = fullName;
        this.kind = kind;
        this.repositoryKey = repositoryKey;
        this.branchJob = branchJob;
    }

    /** Whether this is a branch job of a multibranch project (its SCM lives in the project's branch source). */
    public boolean isBranchJob() {
        return branchJob;
    }

    public String name() {
        return name;
    }

    public String fullName() {
        return fullName;
    }

    public JobKind kind() {
        return kind;
    }

    /** Children of a container, in name order. */
    public List<SimulatedJob> children() {
        return java.util.Collections.unmodifiableList(children);
    }

    /** Builds oldest first; number {@code i + 1} at index {@code i}. */
    public List<SimulatedBuild> builds() {
        return java.util.Collections.unmodifiableList(builds);
    }

    /** {@code PROJ/slug} of the job's own repository, {@code null} for containers. */
    public String repositoryKey() {
        return repositoryKey;
    }

    /** The URL path of this item below the server root, e.g. {@code job/services/job/webapp/job/feature%252Fx/}. */
    public String urlPath() {
        return urlPathOf(fullName);
    }

    static String urlPathOf(String fullName) {
        StringBuilder path = new StringBuilder();
        for (String segment : fullName.split("/")) {
            path.append("job/")
                    .append(segment.replace("%", "%25").replace(" ", "%20"))
                    .append('/');
        }
        return path.toString();
    }

    void addChild(SimulatedJob child) {
        children.add(child);
        children.sort((a, b) -> a.name.compareTo(b.name));
    }

    void addBuild(SimulatedBuild build) {
        builds.add(build);
    }

    void replaceBuild(int index, SimulatedBuild build) {
        builds.set(index, build);
    }
}

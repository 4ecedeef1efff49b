package dev.rebuildcauses.simulator.history;

/** The kinds of Jenkins items the simulator serves, with their {@code _class} values. */
public enum JobKind {
    FOLDER("com.cloudbees.hudson.plugins.folder.Folder", null),
    MULTIBRANCH("org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject", null),
    ORGANIZATION("jenkins.branch.OrganizationFolder", null),
    PIPELINE("org.jenkinsci.plugins.workflow.job.WorkflowJob", "org.jenkinsci.plugins.workflow.job.WorkflowRun"),
    FREESTYLE("hudson.model.FreeStyleProject", "hudson.model.FreeStyleBuild");

    private final String className;
    private final String buildClassName;

    JobKind(String className, String buildClassName) {
        this.className = className;
        this.buildClassName = buildClassName;
    }

    public String className() {
        return className;
    }

    /** The {@code _class} of this kind's builds, {@code null} for containers. */
    public String buildClassName() {
        return buildClassName;
    }

    public boolean isContainer() {
        return buildClassName == null;
    }
}

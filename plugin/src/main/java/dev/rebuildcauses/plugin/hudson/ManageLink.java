package dev.rebuildcauses.plugin.hudson;

import hudson.Extension;
import hudson.model.ManagementLink;

/** The "Rebuild causes" entry of the Manage page, opening the same pages as the home page's link. */
@Extension
public final class ManageLink extends ManagementLink {
    @Override
    public String getIconFileName() {
        return "graph.gif";
    }

    @Override
    public String getDisplayName() {
        return "Rebuild causes";
    }

    @Override
    public String getDescription() {
        return "Why each build ran (code, environment, dependencies, empty commits…) and what each cause costs.";
    }

    @Override
    public String getUrlName() {
        return "../rebuild-causes/"; // relative to /manage/
    }
}

package dev.rebuildcauses.plugin.hudson;

import dev.rebuildcauses.plugin.PageQuery;
import hudson.Extension;
import hudson.model.AbstractProject;
import hudson.model.Action;
import hudson.model.TransientProjectActionFactory;
import java.util.Collection;
import java.util.List;

/** Gives every job a "Rebuild causes" action with the job's page. */
@Extension
public final class JobActions extends TransientProjectActionFactory {
    @Override
    @SuppressWarnings("rawtypes") // the server's factory type is raw
    public Collection<? extends Action> createFor(AbstractProject target) {
        return List.of(new JobCausesAction(target.getFullName()));
    }

    /** {@code <job>/rebuild-causes/}: the job's page. */
    public static final class JobCausesAction implements Action {
        private final String job;

        JobCausesAction(String job) {
            this.job = job;
        }

        @Override
        public String getIconFileName() {
            return "graph.gif";
        }

        @Override
        public String getDisplayName() {
            return "Rebuild causes";
        }

        @Override
        public String getUrlName() {
            return "rebuild-causes";
        }

        public String getPageHtml() {
            return PageHost.render(PageQuery.ofJob(job));
        }
    }
}

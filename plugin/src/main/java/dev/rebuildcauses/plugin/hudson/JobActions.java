package dev.rebuildcauses.plugin.hudson;

import dev.rebuildcauses.plugin.RebuildCauses;
import hudson.Extension;
import hudson.model.AbstractProject;
import hudson.model.Action;
import hudson.model.TransientProjectActionFactory;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import javax.servlet.ServletException;
import org.kohsuke.stapler.CapturedParameterNames;
import org.kohsuke.stapler.StaplerRequest;
import org.kohsuke.stapler.StaplerResponse;

/** Gives every job a "Rebuild causes" action with the job's page. */
@Extension
public final class JobActions extends TransientProjectActionFactory {
    @Override
    @SuppressWarnings("rawtypes") // the server's factory type is raw
    public Collection<? extends Action> createFor(AbstractProject target) {
        return List.of(new JobCausesAction(target));
    }

    /** {@code <job>/rebuild-causes/}: the dashboard's page of the job, beside the job's side panel. */
    public static final class JobCausesAction extends PageView implements Action {
        private final AbstractProject<?, ?> project;

        JobCausesAction(AbstractProject<?, ?> project) {
            this.project = project;
        }

        /** The job, whose side panel the page keeps. */
        public AbstractProject<?, ?> getProject() {
            return project;
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
            return RebuildCauses.URL_NAME;
        }

        /** The job's page; its links lead into the plugin's pages at {@code <server>/rebuild-causes/}. */
        @CapturedParameterNames({"request", "response"}) // Stapler's own ASM cannot read Java 17 class files
        public void doIndex(StaplerRequest request, StaplerResponse response) throws IOException, ServletException {
            String job = HudsonFacade.fullName(project);
            PageHost.serve(this, request, response, (site, root) -> site.jobPage(job, root));
        }
    }
}

package dev.rebuildcauses.plugin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import hudson.model.Cause;
import hudson.model.Hudson;
import hudson.model.Job;
import hudson.model.Run;

/** The plugin's core knows no CI server, and only the facade calls into the server's model. */
@AnalyzeClasses(packages = "dev.rebuildcauses.plugin", importOptions = ImportOption.DoNotIncludeTests.class)
class PluginArchitectureTest {
    @ArchTest
    static final ArchRule coreKnowsNoServer = noClasses()
            .that()
            .resideInAPackage("dev.rebuildcauses.plugin")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("hudson..", "jenkins..", "org.kohsuke..", "net.sf.json..");

    @ArchTest
    static final ArchRule onlyTheFacadeCallsTheServersModel = noClasses()
            .that()
            .doNotHaveSimpleName("HudsonFacade")
            .should()
            .accessClassesThat()
            .belongToAnyOf(Hudson.class, Run.class, Job.class, Cause.class);
}

package dev.rebuildcauses.harvest.jenkins;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Starts Hudson 3.3.2 from its war on Java 17, whose launcher refuses the Java version: the same main
 * class through reflection (HUDSON.md). Runs in its own JVM, started by {@link HudsonServer}.
 */
public final class HudsonLauncher {
    private HudsonLauncher() {}

    public static void main(String[] args) throws ReflectiveOperationException, InvocationTargetException {
        Class<?> executable = Class.forName("org.eclipse.hudson.war.Executable");
        Constructor<?> constructor = executable.getDeclaredConstructor();
        constructor.setAccessible(true);
        Object launcher = constructor.newInstance();
        Method parse = executable.getDeclaredMethod("parseArguments", String[].class);
        parse.setAccessible(true);
        parse.invoke(launcher, (Object) args);
        Method launch = executable.getDeclaredMethod("launchJetty");
        launch.setAccessible(true);
        launch.invoke(launcher);
    }
}

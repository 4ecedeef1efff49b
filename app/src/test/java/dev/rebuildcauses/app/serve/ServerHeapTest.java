package dev.rebuildcauses.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class ServerHeapTest {
    private static final HotSpotDiagnosticMXBean HOTSPOT =
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void shouldLeaveRoomWhileLoadingAndKeepTheHeapTightWhileServingAgainAndAgain() {
        ServerHeap.watch();
        assumeTrue(ServerHeap.watching(), "the test JVM was started with a heap size: the server leaves it alone");

        ServerHeap.loading();
        assertThat(ratios()).isEqualTo("30/50");
        ServerHeap.settle();
        assertThat(ratios()).isEqualTo("10/30");
        ServerHeap.loading(); // a scheduled harvest reads the store again
        assertThat(ratios()).isEqualTo("30/50");
        ServerHeap.settle();
        assertThat(ratios()).isEqualTo("10/30");
    }

    private static String ratios() {
        return HOTSPOT.getVMOption("MinHeapFreeRatio").getValue() + "/"
                + HOTSPOT.getVMOption("MaxHeapFreeRatio").getValue();
    }
}

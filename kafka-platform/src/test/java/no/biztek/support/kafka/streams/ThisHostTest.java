package no.biztek.support.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

import org.junit.jupiter.api.Test;

class ThisHostTest {

    @Test
    void isAnAddressOfThisMachineAndNotTheLoopbackWhenTheMachineHasAnother() throws Exception {
        InetAddress address = InetAddress.getByName(ThisHost.address());

        boolean hasAnotherInterface = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .anyMatch(ThisHostTest::isUpAndNotLoopback);
        assertThat(NetworkInterface.getByInetAddress(address)).as("an address of one of this machine's interfaces")
                .isNotNull();
        assertThat(address.isLoopbackAddress()).isEqualTo(!hasAnotherInterface);
    }

    private static boolean isUpAndNotLoopback(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback() && Collections.list(nic.getInetAddresses()).stream()
                    .anyMatch(address -> address instanceof Inet4Address);
        } catch (SocketException e) {
            return false;
        }
    }
}

package no.biztek.support.kafka.streams;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;

/**
 * This host's own address, as the other instances of a service see it: the address its host name resolves to (a
 * Kubernetes pod's IP, a compose container's) if an interface of this host has it, else the first IPv4 address of
 * an interface that is up and not the loopback, else the loopback (a single instance needs no more).
 */
final class ThisHost {

    private ThisHost() {
    }

    static String address() {
        try {
            InetAddress named = InetAddress.getLocalHost();
            if (!named.isLoopbackAddress() && NetworkInterface.getByInetAddress(named) != null) {
                return named.getHostAddress();
            }
        } catch (UnknownHostException | SocketException e) {
            // a host name that does not resolve: look at the interfaces
        }
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback()) {
                    for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                        if (address instanceof Inet4Address) {
                            return address.getHostAddress();
                        }
                    }
                }
            }
        } catch (SocketException e) {
            // no interfaces to list: the loopback
        }
        return InetAddress.getLoopbackAddress().getHostAddress();
    }
}

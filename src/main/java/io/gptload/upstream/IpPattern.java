package io.gptload.upstream;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** One IP or CIDR entry of {@code NO_PROXY}, and IP-literal parsing that never asks DNS. */
record IpPattern(byte[] network, int prefixBits, String port) {

    private static final Pattern V4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** {@code a.b.c.d/n} or {@code v6/n}. */
    static Optional<IpPattern> cidr(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        Optional<byte[]> ip = literal(text.substring(0, slash));
        try {
            int bits = Integer.parseInt(text.substring(slash + 1));
            return ip.filter(a -> bits >= 0 && bits <= a.length * 8).map(a -> new IpPattern(a, bits, ""));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A single address, optionally only for one port. */
    static Optional<IpPattern> ip(String host, String port) {
        return literal(host).map(a -> new IpPattern(a, a.length * 8, port));
    }

    /** The bytes of an IPv4 or IPv6 literal (IPv4-mapped IPv6 gives the IPv4 bytes); empty for names. */
    static Optional<byte[]> literal(String text) {
        boolean v4 = V4.matcher(text).matches();
        if (!v4 && (!text.contains(":") || text.contains("[") || text.contains("]"))) {
            return Optional.empty();
        }
        if (v4 && Arrays.stream(text.split("\\.")).anyMatch(o -> Integer.parseInt(o) > 255)) {
            return Optional.empty();
        }
        try {
            // brackets make the JDK parse an IPv6 literal or fail, never ask DNS
            return Optional.of(InetAddress.getByName(v4 ? text : "[" + text + "]").getAddress());
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    static boolean loopback(byte[] address) {
        try {
            return InetAddress.getByAddress(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    boolean matches(byte[] address, String targetPort) {
        if (address.length != network.length || !(port.isEmpty() || port.equals(targetPort))) {
            return false;
        }
        int full = prefixBits / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[full] & mask) == (network[full] & mask);
    }
}

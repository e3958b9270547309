package io.gptload.shared;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The caller's address (DECISIONS 9): {@code X-Forwarded-For} (first entry) or
 * {@code X-Real-IP} only when the direct peer is one of {@code TRUSTED_PROXIES} (IPs or CIDRs).
 * Used by the proxy (logs, {@code ${CLIENT_IP}}) and by login throttling. Immutable.
 */
public final class ClientIp {

    private record Cidr(BigInteger network, int bits, int width) {
        boolean contains(byte[] addr) {
            if (addr.length * 8 != width) {
                return false;
            }
            BigInteger a = new BigInteger(1, addr);
            return a.shiftRight(width - bits).equals(network.shiftRight(width - bits));
        }
    }

    private final List<Cidr> trusted;

    /** @param trustedProxies IPs or CIDRs whose forwarding headers are believed; invalid entries are ignored */
    public ClientIp(List<String> trustedProxies) {
        List<Cidr> out = new ArrayList<>();
        for (String t : trustedProxies) {
            String[] parts = t.split("/", 2);
            try {
                byte[] addr = InetAddress.getByName(parts[0].strip()).getAddress();
                int width = addr.length * 8;
                int bits = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : width;
                if (bits >= 0 && bits <= width) {
                    out.add(new Cidr(new BigInteger(1, addr), bits, width));
                }
            } catch (UnknownHostException | NumberFormatException ignored) {
                // an invalid entry trusts nobody
            }
        }
        this.trusted = List.copyOf(out);
    }

    /** The client address of a request from {@code peer}; "" when the peer is unknown. */
    public String resolve(String peer, Function<String, String> header) {
        if (trusted.isEmpty() || peer == null || !isTrusted(peer)) {
            return peer == null ? "" : peer;
        }
        String xff = header.apply("X-Forwarded-For");
        if (xff != null && !xff.isBlank()) {
            return xff.split(",")[0].strip();
        }
        String real = header.apply("X-Real-IP");
        return real != null && !real.isBlank() ? real.strip() : peer;
    }

    private boolean isTrusted(String peer) {
        try {
            byte[] addr = InetAddress.getByName(peer).getAddress();
            return trusted.stream().anyMatch(c -> c.contains(addr));
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

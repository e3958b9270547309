package io.gptload.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.Objects;

/**
 * {@code ANY /proxy/{group}/{path}}: hands every method to {@link ProxyGate}. Application
 * scoped with constructor injection, so a request costs no per-request injection.
 */
@ApplicationScoped
@Path("{group}")
public class ProxyResource {

    private ProxyGate gate;

    protected ProxyResource() {
        // for CDI proxies
    }

    @Inject
    public ProxyResource(ProxyGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    @GET
    @Path("{path: .*}")
    public void get(@PathParam("group") String group, @Context UriInfo uri, @Context HttpHeaders headers,
                    @Context HttpServletRequest req, @Suspended AsyncResponse async) {
        gate.handle("GET", group, uri, headers, req, async);
    }

    @POST
    @Path("{path: .*}")
    public void post(@PathParam("group") String group, @Context UriInfo uri, @Context HttpHeaders headers,
                     @Context HttpServletRequest req, @Suspended AsyncResponse async) {
        gate.handle("POST", group, uri, headers, req, async);
    }

    @PUT
    @Path("{path: .*}")
    public void put(@PathParam("group") String group, @Context UriInfo uri, @Context HttpHeaders headers,
                    @Context HttpServletRequest req, @Suspended AsyncResponse async) {
        gate.handle("PUT", group, uri, headers, req, async);
    }

    @DELETE
    @Path("{path: .*}")
    public void delete(@PathParam("group") String group, @Context UriInfo uri, @Context HttpHeaders headers,
                       @Context HttpServletRequest req, @Suspended AsyncResponse async) {
        gate.handle("DELETE", group, uri, headers, req, async);
    }

    @PATCH
    @Path("{path: .*}")
    public void patch(@PathParam("group") String group, @Context UriInfo uri, @Context HttpHeaders headers,
                      @Context HttpServletRequest req, @Suspended AsyncResponse async) {
        gate.handle("PATCH", group, uri, headers, req, async);
    }

    @HEAD
    @Path("{path: .*}")
    public void head(@PathParam("group") String group, @Context UriInfo uri, @Context HttpHeaders headers,
                     @Context HttpServletRequest req, @Suspended AsyncResponse async) {
        gate.handle("HEAD", group, uri, headers, req, async);
    }

    @OPTIONS
    @Path("{path: .*}")
    public void options(@PathParam("group") String group, @Context UriInfo uri, @Context HttpHeaders headers,
                        @Context HttpServletRequest req, @Suspended AsyncResponse async) {
        gate.handle("OPTIONS", group, uri, headers, req, async);
    }
}

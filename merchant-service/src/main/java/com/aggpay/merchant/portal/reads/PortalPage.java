package com.aggpay.merchant.portal.reads;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One page of a portal list, newest first, as the owning service answered it: the items pass through unchanged
 * (their shape is that service's, documented once there), {@code nextCursor} is null on the last page.
 */
public record PortalPage(List<JsonNode> items, String nextCursor) {

    static PortalPage empty() {
        return new PortalPage(List.of(), null);
    }
}

package com.aggpay.order.portal;

import java.util.List;

/** One page of a keyset listing, newest first; {@code nextCursor} is null on the last page. */
public record PortalPage<T>(List<T> items, String nextCursor) {
}

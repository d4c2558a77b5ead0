package com.aggpay.router.routing;

/** How the candidates of one order are ordered; see {@link RoutingDecision} for each rule. */
public enum Strategy {
    FIXED_PRIORITY, WEIGHTED, LOWEST_FEE, SUCCESS_RATE
}

package com.aggpay.router.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import com.alipay.api.domain.AlipayTradeCreateModel;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AliBuyerTest {

    @Test
    void a_buyer_id_is_sent_as_buyer_id() {
        AlipayTradeCreateModel model = new AlipayTradeCreateModel();

        AliBuyer.of(Map.of("buyer_id", "2088000000000001")).applyTo(model);

        assertThat(model.getBuyerId()).isEqualTo("2088000000000001");
        assertThat(model.getBuyerOpenId()).isNull();
        assertThat(model.getOpAppId()).isNull();
    }

    @Test
    void an_openid_is_sent_as_buyer_open_id_with_the_app_that_issued_it() {
        AlipayTradeCreateModel model = new AlipayTradeCreateModel();

        AliBuyer.of(Map.of("buyer_open_id", "074a1CcTG1", "op_app_id", "2021000000000002")).applyTo(model);

        assertThat(model.getBuyerId()).isNull();
        assertThat(model.getBuyerOpenId()).isEqualTo("074a1CcTG1");
        assertThat(model.getOpAppId()).isEqualTo("2021000000000002");
    }

    @Test
    void an_openid_without_op_app_id_is_sent_alone() {
        AlipayTradeCreateModel model = new AlipayTradeCreateModel();

        AliBuyer.of(Map.of("buyer_open_id", "074a1CcTG1")).applyTo(model);

        assertThat(model.getBuyerOpenId()).isEqualTo("074a1CcTG1");
        assertThat(model.getOpAppId()).isNull();
    }

    @Test
    void no_buyer_named_is_none() {
        assertThat(AliBuyer.of(Map.of("buyer_id", " "))).isNull();
        assertThat(AliBuyer.of(Map.of())).isNull();
        assertThat(AliBuyer.of(null)).isNull();
    }
}

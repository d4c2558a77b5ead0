package com.aggpay.merchant.kyc;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface MerchantKycs extends BaseMapper<MerchantKyc> {

    default Optional<MerchantKyc> findById(String merchantId) {
        return Optional.ofNullable(selectById(merchantId));
    }
}

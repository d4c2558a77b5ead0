package com.aggpay.merchant.audit;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

/** Append-only: only {@code insert} is used by the service. */
@Mapper
public interface OperatorAudits extends BaseMapper<OperatorAuditEntry> {
}

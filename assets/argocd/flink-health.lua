-- Argo CD health check for the Flink Kubernetes Operator's FlinkDeployment and
-- FlinkSessionJob (flink.apache.org/v1beta1). Unlike Argo CD's built-in check,
-- it looks at the job state, the lifecycle state and reconciliation errors.
-- Written for Lua 5.1 (Argo CD's interpreter).
local hs = {}

local function result(status, message)
  hs.status = status
  hs.message = message
  return hs
end

-- status.error holds the operator's last reconciliation error as JSON.
local function errorMessage(err)
  if err == nil or err == "" then
    return nil
  end
  local message = string.match(err, '"message"%s*:%s*"(.-)"[,}]')
  return message or err
end

if obj.status == nil then
  return result("Progressing", "Waiting for the operator to reconcile")
end

local st = obj.status
local generation = obj.metadata and obj.metadata.generation
if generation ~= nil and st.observedGeneration ~= nil and st.observedGeneration < generation then
  return result("Progressing", "Waiting for the operator to observe generation " .. tostring(generation))
end

local lifecycle = st.lifecycleState or "UNKNOWN"
local job = (st.jobStatus and st.jobStatus.state) or nil
local jobManager = st.jobManagerDeploymentStatus
local err = errorMessage(st.error)

local function withError(message)
  if err ~= nil then
    return message .. ": " .. err
  end
  return message
end

if lifecycle == "FAILED" then
  return result("Degraded", withError("Lifecycle state FAILED"))
end
if lifecycle == "ROLLED_BACK" then
  return result("Degraded", withError("Rolled back to the last stable spec"))
end
if jobManager == "ERROR" then
  return result("Degraded", withError("JobManager deployment failed"))
end
if job == "FAILED" or job == "FAILING" then
  return result("Degraded", withError("Job " .. job))
end
if lifecycle == "SUSPENDED" or job == "SUSPENDED" then
  return result("Suspended", "Job suspended")
end
if job == "CANCELED" or job == "CANCELLING" then
  return result("Suspended", "Job " .. job)
end
if err ~= nil and lifecycle ~= "STABLE" then
  return result("Degraded", "Reconciliation failed: " .. err)
end

local ready = (lifecycle == "STABLE" or lifecycle == "DEPLOYED") and (jobManager == nil or jobManager == "READY")
local isSessionCluster = obj.kind == "FlinkDeployment" and (obj.spec == nil or obj.spec.job == nil)

if isSessionCluster then
  if ready then
    return result("Healthy", "Session cluster ready")
  end
  return result("Progressing", "Session cluster " .. lifecycle .. ", JobManager " .. tostring(jobManager))
end
if job == "FINISHED" then
  return result("Healthy", "Job finished")
end
if ready and job == "RUNNING" then
  return result("Healthy", "Job running")
end
return result("Progressing", "Lifecycle " .. lifecycle .. ", job " .. tostring(job))

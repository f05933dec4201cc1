/**
 * Flink's entry class of PyFlink programs: it runs the Python program given
 * with `-py` (a file) or `-pym` (a module). The operator's resources carry a
 * Python job as this entry class with those options leading the arguments.
 */
export const PYTHON_DRIVER = 'org.apache.flink.client.python.PythonDriver';

/** Whether a `spec.job` of the operator's resources is a PyFlink program. */
export function isPythonJob(job: any): boolean {
  return job?.entryClass === PYTHON_DRIVER;
}

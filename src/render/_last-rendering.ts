/**
 * A renderer's result for the manifest it saw last: the pipeline hands out
 * the same manifest object until the construct or its hooks change, so one
 * rendering serves every object, name and check that reads it.
 */
export class LastRendering<T> {
  private last?: { manifest: any; value: T };

  /** @param render renders a manifest */
  constructor(private readonly render: (manifest: any) => T) {}

  /** The rendering of `manifest`, reused while it is the same object. */
  public of(manifest: any): T {
    const last = this.last;
    if (last !== undefined && last.manifest === manifest) {
      return last.value;
    }
    const value = this.render(manifest);
    this.last = { manifest, value };
    return value;
  }
}

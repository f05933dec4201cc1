import { IConstruct } from 'constructs';
import { SynthPass } from '../manifest/_synth-pass';
import { OperatorVersion } from '../operator-version';
import { IFlinkResourceListener } from './listener';
import { IFlinkResourceMutator } from './mutator';
import { IFlinkResourceValidator, IFlinkStateSnapshotValidator } from './validator';

const REGISTRY = new WeakMap<IConstruct, FlinkHooks>();

/**
 * The hooks in force for one Flink resource: every scope from the root to
 * the resource, outer scopes first.
 * @internal
 */
export interface _ResolvedHooks {
  readonly defaultMutator: boolean;
  readonly defaultValidator: boolean;
  readonly mutators: IFlinkResourceMutator[];
  readonly validators: IFlinkResourceValidator[];
  /** The validators of FlinkStateSnapshots (none when left out). */
  readonly stateSnapshotValidators?: IFlinkStateSnapshotValidator[];
  readonly listeners: IFlinkResourceListener[];
  readonly operatorConfiguration?: { [key: string]: string };
  /**
   * Whether the library's policy (no plain-text credentials, Pod Security
   * "restricted" unless opted out) runs besides the operator's rules.
   * @default true
   */
  readonly libraryPolicy?: boolean;
  /** The operator release the resource targets. */
  readonly operatorVersion: OperatorVersion;
  /** Why the target is ambiguous (two FlinkOperators, or a scope asking for another release than the app's FlinkOperator). */
  readonly operatorVersionError?: string;
}

/**
 * The validators, mutators and listeners registered on a scope. They apply
 * to every FlinkDeployment and FlinkSessionJob beneath that scope (an App,
 * a Chart or any construct); validators also to the FlinkDeployments that a
 * FlinkBlueGreenDeployment's template becomes, and snapshot validators to
 * every FlinkStateSnapshot. Mutators do not run on FlinkStateSnapshots and
 * FlinkBlueGreenDeployments.
 *
 * Order at synth: the built-in `DefaultMutator`, then user mutators (outer
 * scopes first, in registration order), then every validator (the built-in
 * `DefaultValidator` first). Validators see the mutated manifest, and the
 * mutated manifest is what is rendered.
 *
 * @example
 * FlinkHooks.of(app).addValidator({
 *   validateDeployment: (d) => d.spec.image.startsWith('registry.example.com/') ? undefined : 'images must come from registry.example.com',
 *   validateSessionJob: () => undefined,
 * });
 */
export class FlinkHooks {
  /**
   * The hooks of a scope, created on first use.
   *
   * @param scope any construct; its hooks apply to every Flink resource beneath it
   */
  public static of(scope: IConstruct): FlinkHooks {
    let hooks = REGISTRY.get(scope);
    if (!hooks) {
      hooks = new FlinkHooks(scope);
      REGISTRY.set(scope, hooks);
    }
    return hooks;
  }

  /**
   * Collects the hooks in force for a construct.
   * @internal
   */
  public static _resolve(construct: IConstruct): _ResolvedHooks {
    const resolved = {
      defaultMutator: true,
      defaultValidator: true,
      mutators: [] as IFlinkResourceMutator[],
      validators: [] as IFlinkResourceValidator[],
      stateSnapshotValidators: [] as IFlinkStateSnapshotValidator[],
      listeners: [] as IFlinkResourceListener[],
      operatorConfiguration: undefined as { [key: string]: string } | undefined,
    };
    for (const scope of construct.node.scopes) {
      const hooks = REGISTRY.get(scope);
      if (!hooks) {
        continue;
      }
      resolved.defaultMutator &&= hooks._defaultMutator;
      resolved.defaultValidator &&= hooks._defaultValidator;
      resolved.mutators.push(...hooks._mutators);
      resolved.validators.push(...hooks._validators);
      resolved.stateSnapshotValidators.push(...hooks._stateSnapshotValidators);
      resolved.listeners.push(...hooks._listeners);
      resolved.operatorConfiguration = hooks._operatorConfiguration ?? resolved.operatorConfiguration;
    }
    // No scope set one: the configuration of a FlinkOperator in the app, if any.
    resolved.operatorConfiguration ??= REGISTRY.get(construct.node.root)?._defaultOperatorConfiguration?.();
    return { ...resolved, ...FlinkHooks.resolveOperatorVersion(construct) };
  }

  /**
   * Sets the operator release of the whole app: what a `FlinkOperator`
   * calls with its `version`. Every Flink resource in the app targets it; a
   * scope asking for another release with `useOperatorVersion`, or a second
   * FlinkOperator of another release, is a synth error of each resource.
   *
   * @param scope any construct of the app
   * @param operatorVersion the release the app's operator runs
   * @param operatorPath the construct path of the FlinkOperator, for messages
   * @internal
   */
  public static _useAppOperatorVersion(scope: IConstruct, operatorVersion: OperatorVersion, operatorPath: string): void {
    FlinkHooks.of(scope.node.root)._appOperatorVersions.push({ version: operatorVersion, path: operatorPath });
    SynthPass.changed(scope);
  }

  /**
   * The operator release a construct targets: the app's FlinkOperator's,
   * else the innermost `useOperatorVersion`, else `OperatorVersion.LATEST`.
   */
  private static resolveOperatorVersion(construct: IConstruct): { operatorVersion: OperatorVersion; operatorVersionError?: string } {
    const operators = REGISTRY.get(construct.node.root)?._appOperatorVersions ?? [];
    let requested: OperatorVersion | undefined;
    for (const scope of construct.node.scopes) {
      requested = REGISTRY.get(scope)?._operatorVersion ?? requested;
    }
    const operator = operators[0];
    if (operator === undefined) {
      return { operatorVersion: requested ?? OperatorVersion.LATEST };
    }
    const other = operators.find((o) => o.version !== operator.version);
    if (other !== undefined) {
      return {
        operatorVersion: operator.version,
        operatorVersionError: `the app has FlinkOperators of two releases (${operator.path}: ${operator.version.version}, ${other.path}: ${other.version.version}); one app targets one operator release: give both the same 'version'`,
      };
    }
    if (requested !== undefined && requested !== operator.version) {
      return {
        operatorVersion: operator.version,
        operatorVersionError: `FlinkHooks.useOperatorVersion(${requested.version}) differs from the operator the app installs (${operator.path}: ${operator.version.version}); set the FlinkOperator's 'version' instead`,
      };
    }
    return { operatorVersion: operator.version };
  }

  private readonly _mutators: IFlinkResourceMutator[] = [];
  private readonly _validators: IFlinkResourceValidator[] = [];
  private readonly _stateSnapshotValidators: IFlinkStateSnapshotValidator[] = [];
  private readonly _listeners: IFlinkResourceListener[] = [];
  private _defaultMutator = true;
  private _defaultValidator = true;
  private _operatorConfiguration?: { [key: string]: string };
  private _defaultOperatorConfiguration?: () => { [key: string]: string };
  private _operatorVersion?: OperatorVersion;
  private readonly _appOperatorVersions: { version: OperatorVersion; path: string }[] = [];

  private constructor(private readonly scope: IConstruct) {}

  /**
   * Adds a validator; a string it returns is a synth error. When the
   * validator also has a `validateStateSnapshot` method (it implements
   * `IFlinkStateSnapshotValidator` too), it validates FlinkStateSnapshots
   * as well.
   *
   * @param validator an `IFlinkResourceValidator` (a plain object with both methods works)
   */
  public addValidator(validator: IFlinkResourceValidator): void {
    this._validators.push(checkHook('validator', validator, ['validateDeployment', 'validateSessionJob']));
    SynthPass.changed(this.scope);
    if (typeof (validator as unknown as Record<string, unknown>).validateStateSnapshot === 'function') {
      this.addSnapshotValidatorOnce(validator as unknown as IFlinkStateSnapshotValidator);
    }
  }

  /**
   * Adds a validator of FlinkStateSnapshots only; a string it returns is a
   * synth error. A validator already added with `addValidator()` that has
   * `validateStateSnapshot` is not added twice.
   *
   * @param validator an `IFlinkStateSnapshotValidator` (a plain object with the method works)
   */
  public addStateSnapshotValidator(validator: IFlinkStateSnapshotValidator): void {
    this.addSnapshotValidatorOnce(checkHook('snapshot validator', validator, ['validateStateSnapshot']));
    SynthPass.changed(this.scope);
  }

  /**
   * Adds a mutator; it runs after the built-in mutator and the mutators of
   * outer scopes, before any validator.
   *
   * @param mutator an `IFlinkResourceMutator` (a plain object with both methods works)
   */
  public addMutator(mutator: IFlinkResourceMutator): void {
    this._mutators.push(checkHook('mutator', mutator, ['mutateDeployment', 'mutateSessionJob']));
    SynthPass.changed(this.scope);
  }

  /**
   * Adds a listener.
   *
   * @param listener an `IFlinkResourceListener` (a plain object with any of its methods works)
   */
  public addListener(listener: IFlinkResourceListener): void {
    this._listeners.push(checkHook('listener', listener, []));
    SynthPass.changed(this.scope);
  }

  /**
   * Turns the built-in `DefaultValidator` off for every Flink resource
   * beneath this scope. Resources that the operator would reject then reach
   * the output.
   */
  public disableDefaultValidator(): void {
    this._defaultValidator = false;
    SynthPass.changed(this.scope);
  }

  /**
   * Turns the built-in `DefaultMutator` off for every Flink resource beneath
   * this scope.
   */
  public disableDefaultMutator(): void {
    this._defaultMutator = false;
    SynthPass.changed(this.scope);
  }

  /**
   * The operator default configuration that validators beneath this scope
   * see under each resource's `flinkConfiguration` (flat keys). The
   * innermost scope that sets one wins.
   *
   * @param configuration flat `key: value` pairs, as in the operator's `config.yaml`
   */
  public useOperatorConfiguration(configuration: { [key: string]: string }): void {
    this._operatorConfiguration = { ...configuration };
    SynthPass.changed(this.scope);
  }

  /**
   * The Flink Kubernetes Operator release that Flink resources beneath this
   * scope target, when the app installs no `FlinkOperator` (whose `version`
   * decides for the whole app). The CRDs, Flink versions and admission
   * rules the resources are checked against follow it. The innermost scope
   * that sets one wins; normally it is set once, on the App.
   *
   * @param operatorVersion the release the cluster's operator runs
   */
  public useOperatorVersion(operatorVersion: OperatorVersion): void {
    if (!(operatorVersion instanceof OperatorVersion)) {
      throw new Error(`useOperatorVersion needs an OperatorVersion (e.g. OperatorVersion.V1_16 or OperatorVersion.of('1.16')), got ${typeof operatorVersion}`);
    }
    this._operatorVersion = operatorVersion;
    SynthPass.changed(this.scope);
  }

  /** The operator release set on this scope with `useOperatorVersion`, if any. */
  public get operatorVersion(): OperatorVersion | undefined {
    return this._operatorVersion;
  }

  /**
   * Registers (on the App root) the default configuration of a
   * `FlinkOperator` in the app: validators see it when no scope sets one
   * with `useOperatorConfiguration`, which always wins. With several
   * operators the first one registered applies. The owner calls this again
   * after each change, so cached results are recomputed.
   *
   * @param provide the FlinkOperator's current effective default configuration (flat keys)
   * @internal
   */
  public _useDefaultOperatorConfiguration(provide: () => { [key: string]: string }): void {
    this._defaultOperatorConfiguration ??= provide;
    SynthPass.changed(this.scope);
  }

  /** Whether the built-in validator runs beneath this scope (as far as this scope decides). */
  public get defaultValidatorEnabled(): boolean {
    return this._defaultValidator;
  }

  /** Whether the built-in mutator runs beneath this scope (as far as this scope decides). */
  public get defaultMutatorEnabled(): boolean {
    return this._defaultMutator;
  }

  /** The validators registered on this scope, in registration order. */
  public get validators(): IFlinkResourceValidator[] {
    return [...this._validators];
  }

  /** The FlinkStateSnapshot validators registered on this scope, in registration order. */
  public get stateSnapshotValidators(): IFlinkStateSnapshotValidator[] {
    return [...this._stateSnapshotValidators];
  }

  /** The mutators registered on this scope, in registration order. */
  public get mutators(): IFlinkResourceMutator[] {
    return [...this._mutators];
  }

  /** The listeners registered on this scope, in registration order. */
  public get listeners(): IFlinkResourceListener[] {
    return [...this._listeners];
  }

  private addSnapshotValidatorOnce(validator: IFlinkStateSnapshotValidator): void {
    if (!this._stateSnapshotValidators.includes(validator)) {
      this._stateSnapshotValidators.push(validator);
    }
  }
}

function checkHook<T>(what: string, hook: T, methods: string[]): T {
  if (hook === null || typeof hook !== 'object') {
    throw new Error(`a ${what} must be an object, got ${hook === null ? 'null' : typeof hook}`);
  }
  const missing = methods.filter((m) => typeof (hook as Record<string, unknown>)[m] !== 'function');
  if (missing.length > 0) {
    throw new Error(`a ${what} must have the method(s) ${missing.join(', ')}`);
  }
  return hook;
}

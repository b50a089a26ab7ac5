/**
 * The types every generated client is built from. A generated client describes
 * each resource type once (a `Def`: its record, includes, where, order, fields
 * and assignable attributes) and composes its handles from the small generic
 * interfaces below, so that the compiler instantiates only what a program uses.
 */
/** A record id: the API sends strings; numbers are accepted for convenience. */
export type Id = string | number;
/** A resource object as the API returns it (JSON:API). */
export interface Resource {
    type: string;
    id: string;
    attributes: object;
    relationships?: {
        [name: string]: Relationship;
    };
    links?: Links;
    meta?: {
        [key: string]: unknown;
    };
}
/** A resource of a type the spec does not describe (the target of a polymorphic relationship). */
export interface AnyResource extends Resource {
    attributes: {
        [name: string]: unknown;
    };
}
export interface Identifier {
    type: string;
    id: string;
}
export interface Relationship {
    data?: Identifier | Identifier[] | null;
    links?: Links;
    meta?: {
        [key: string]: unknown;
    };
}
export interface Links {
    [name: string]: string | null | undefined;
}
/** A response: the primary data, the included records, meta and links. */
export interface Document<T> {
    data: T;
    included: Resource[];
    meta: {
        [key: string]: unknown;
    };
    links: Links;
}
/** One page of a list. `links.next` is the next page, absent on the last. */
export interface Page<T> extends Document<T[]> {
    meta: ListMeta;
}
export interface ListMeta {
    total_count?: number;
    count?: number;
    next?: {
        offset: number;
    };
    prev?: {
        offset: number;
    };
    can_include?: string[];
    can_order?: string[];
    can_query?: {
        [name: string]: unknown;
    } | string[];
    can_filter?: string[];
    [key: string]: unknown;
}
/** What a generated client knows about one resource type. */
export interface Def {
    resource: Resource;
    /**
     * Each includable name, with the record(s) it resolves to; a nested include
     * (`group.location`), with its parent as the record holds it then.
     */
    includes: object;
    where: object;
    order: string;
    perPage: number;
    fields: object;
    create: object;
    update: object;
}
/** A resource type the spec does not describe (an association's undocumented target). */
export interface AnyDef extends Def {
    resource: AnyResource;
    includes: {};
    where: {
        [name: string]: WhereValue | Range<WhereValue>;
    };
    order: string;
    perPage: PerPage;
    fields: {
        [type: string]: readonly string[];
    };
    create: never;
    update: never;
}
/** The names `fields` takes for a Def's own type: its attributes and relationships. */
export type FieldName<D extends Def> = NonNullable<D["fields"][D["resource"]["type"] & keyof D["fields"]]> extends readonly (infer N)[] ? N & string : never;
/**
 * A record fetched with a sparse fieldset of its own type (`F`): only those
 * attributes, and only those relationships. With no fieldset, the whole record.
 */
export type Fielded<D extends Def, F extends string> = [F] extends [never] ? D["resource"] : Omit<D["resource"], "attributes" | "relationships"> & {
    attributes: Pick<D["resource"]["attributes"], F & keyof D["resource"]["attributes"]>;
    relationships?: {
        [K in Exclude<F, keyof D["resource"]["attributes"]>]?: Relationship;
    };
};
/** A nested include's name: `group.location`. */
type Dotted = `${string}.${string}`;
/**
 * What several nested includes add to a record, together: each one's entry in
 * `includes` is the parent with the nested record on it
 * (`{ group: (Group & { location: Location | null }) | null }`), and two under
 * the same parent meet in one (the intersection of the union's members).
 */
type Nested<U> = [U] extends [never] ? unknown : (U extends unknown ? (entry: U) => void : never) extends (entry: infer All) => void ? All : never;
/**
 * A record with the includes it was asked for resolved onto it, narrowed to
 * its sparse fieldset. An include's relationship is always there: the client
 * adds it to the record's own fieldset when the caller left it out. A nested
 * include (`group.location`) puts its parent on the record and the nested
 * record on the parent.
 */
export type With<D extends Def, I extends keyof D["includes"], F extends string = never> = [
    I
] extends [never] ? Fielded<D, F> : Fielded<D, F> & Pick<D["includes"], Exclude<I, Dotted>> & Nested<D["includes"][Extract<I, Dotted>]>;
/**
 * Sparse fieldsets, per resource type: the record's own type takes the names
 * `F` (inferred, to narrow the record), every other type its own names.
 */
export type Fieldsets<D extends Def, F extends string> = Omit<D["fields"], D["resource"]["type"]> & {
    readonly [Own in D["resource"]["type"]]?: readonly F[];
};
/** An orderable name, ascending, or descending with a leading `-`. */
export type Order<Name extends string> = Name | `-${Name}`;
/**
 * A page size: the API takes 1 to 100. Any number compiles (a size computed at
 * run time is common); one outside 1-100, or not whole, is refused with a
 * PcoError before the request is sent.
 */
export type PerPage = number;
/** `gt`, `gte`, `lt`, `lte`: `where[ATTRIBUTE][OPERATOR]=VALUE`. */
export interface Range<T> {
    gt?: T;
    gte?: T;
    lt?: T;
    lte?: T;
}
/** Equality, case-insensitive; `"Tim%"` matches what starts with Tim, `"%son"` what ends with son. */
export type WhereText = string;
export type WhereNumber = number | Range<number>;
/** An ISO 8601 date (`2015-05-05`) or date and time (`2015-05-05T22:40:07Z`), or a range of them. */
export type WhereDate = string | Range<string>;
export type WhereValue = string | number | boolean;
/** Extra query parameters, sent as given (a filter's own parameter, say). */
export interface Params {
    [name: string]: string | number | boolean;
}
export interface CallOptions {
    signal?: AbortSignal;
    /** Per attempt; overrides the client's `timeoutMs`. */
    timeoutMs?: number;
}
export interface GetQuery<D extends Def, I, F extends string = never> extends CallOptions {
    include?: readonly I[];
    /**
     * Sparse fieldsets: the attributes and relationships to return, per
     * resource type. The record's own fieldset narrows its type.
     */
    fields?: Fieldsets<D, F>;
    params?: Params;
}
export interface ListQuery<D extends Def, I, Filter extends string, F extends string = never> extends GetQuery<D, I, F> {
    where?: D["where"];
    order?: D["order"] | readonly D["order"][];
    filter?: Filter | readonly Filter[];
    /** Records a page (1-100); `each()` asks for 100 unless told otherwise. */
    perPage?: D["perPage"];
    offset?: number;
    /** Records after this id: the cursor the docs of some versions give instead of `offset`. */
    after?: D extends {
        cursor: infer C;
    } ? ("after" extends C ? string : never) : never;
    /** Records before this id, where the docs give it. */
    before?: D extends {
        cursor: infer C;
    } ? ("before" extends C ? string : never) : never;
    /** `each()` only: read at most this many pages, then stop. */
    maxPages?: number;
}
/** Options of a create or an update. */
export interface WriteOptions<D extends Def, I, F extends string = never> extends GetQuery<D, I, F> {
    /** Relationships sent with the record: `{ primary_contact: { data: { type: "Person", id: "1" } } }`. */
    relationships?: {
        [name: string]: {
            data: Identifier | readonly Identifier[] | null;
        };
    };
}
type Includable<D extends Def> = keyof D["includes"] & string;
/** A collection: `list` one page, or `each` record across every page (following `links.next`). */
export interface Collection<D extends Def, F extends string = never> {
    list<I extends Includable<D> = never, Fs extends FieldName<D> = never>(query?: ListQuery<D, I, F, Fs>): Promise<Page<With<D, I, Fs>>>;
    each<I extends Includable<D> = never, Fs extends FieldName<D> = never>(query?: ListQuery<D, I, F, Fs>): AsyncIterable<With<D, I, Fs>>;
}
export interface Create<D extends Def> {
    create<I extends Includable<D> = never, F extends FieldName<D> = never>(attributes: D["create"], options?: WriteOptions<D, I, F>): Promise<Document<With<D, I, F>>>;
}
export interface GetById<D extends Def> {
    get<I extends Includable<D> = never, F extends FieldName<D> = never>(id: Id, query?: GetQuery<D, I, F>): Promise<Document<With<D, I, F>>>;
}
export interface UpdateById<D extends Def> {
    update<I extends Includable<D> = never, F extends FieldName<D> = never>(id: Id, attributes: D["update"], options?: WriteOptions<D, I, F>): Promise<Document<With<D, I, F>>>;
}
export interface DeleteById {
    delete(id: Id, options?: CallOptions): Promise<void>;
}
export interface Get<D extends Def> {
    get<I extends Includable<D> = never, F extends FieldName<D> = never>(query?: GetQuery<D, I, F>): Promise<Document<With<D, I, F>>>;
}
export interface Update<D extends Def> {
    update<I extends Includable<D> = never, F extends FieldName<D> = never>(attributes: D["update"], options?: WriteOptions<D, I, F>): Promise<Document<With<D, I, F>>>;
}
export interface Delete {
    delete(options?: CallOptions): Promise<void>;
}
/** A to-one association: the record, or null when there is none. */
export interface One<D extends Def> {
    get<I extends Includable<D> = never, F extends FieldName<D> = never>(query?: GetQuery<D, I, F>): Promise<Document<With<D, I, F> | null>>;
}
export interface ActionOptions extends CallOptions {
    /** A whole request body, sent instead of `{ data: { attributes } }`. */
    body?: unknown;
}
/** An action (a POST): its attributes are sent as `{ "data": { "attributes": ... } }`. */
export type Action<A> = (attributes?: A, options?: ActionOptions) => Promise<ActionResult>;
/** What an action answers: a document, or null for an empty answer (204). */
export type ActionResult = Document<Resource | Resource[] | null> | null;
/** A file sent to the upload endpoint; pass its `id` as the value of a file attribute. */
export interface UploadedFile {
    type: string;
    id: string;
    attributes: {
        name?: string;
        content_type?: string;
        file_size?: number;
        md5?: string;
        expires_at?: string;
        [key: string]: unknown;
    };
}
export interface UploadOptions extends CallOptions {
    /** The file name sent with a Blob (a File carries its own). */
    name?: string;
}
/** What every client has besides its resources. */
export interface ClientBase {
    /** The first step of a file upload (multipart POST to the upload endpoint). */
    upload(file: Blob, options?: UploadOptions): Promise<UploadedFile>;
}
export {};

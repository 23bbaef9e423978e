// GENERATED from openapi.yaml by `npm run sdk` (openapi-typescript). Do not edit.
export interface paths {
    "/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user (or console owner). */
        get: operations["getAccount"];
        put?: never;
        /** Sign up (10 per hour per IP in a project). With `X-Appwrite-Project` console this creates a console owner (the first becomes root; later sign-ups need TENANTRY_OPEN_SIGNUP=true). */
        post: operations["createAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/account/sessions/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password (10 attempts per hour per email, reset on success). Sets `a_session_{projectId}` (+ `_legacy`) cookies and, cross-site, `X-Fallback-Cookies`. `secret` is filled only for API-key callers (server-side rendering). */
        post: operations["createEmailPasswordSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/account/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listSessions"];
        put?: never;
        /** Alias of `POST /account/sessions/email`. */
        post: operations["createSession"];
        /** Sign out everywhere. */
        delete: operations["deleteSessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/account/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete one session (`current` = this one). */
        delete: operations["deleteSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/account/sessions/anonymous": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an anonymous user and a session for it (50 per hour per IP). */
        post: operations["createAnonymousSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/account/jwts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mint a JWT (HS256, per-project secret, bound to this session; 120 per minute per user). Refused with a JWT (403 user_jwt_creation_denied). */
        post: operations["createJWT"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/account/jwt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Alias of `POST /account/jwts`. */
        post: operations["createJWTLegacy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/account/name": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["updateName"];
        trace?: never;
    };
    "/account/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the password (the old one is required when set). Every other session of the user is deleted. */
        patch: operations["updatePassword"];
        trace?: never;
    };
    "/account/prefs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getPrefs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["updatePrefs"];
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/bigint": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bigint attribute: BIGINT (signed 64-bit), exact over the whole int64 range. Values, min, max and default beyond ±(2^53−1) travel as exact JSON integer literals (node-appwrite reads them as BigInt). Answers 202 with status available, or processing while a long DDL finishes in the background. */
        post: operations["createBigintAttribute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/bigint/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update required/default and min/max (int64); `newKey` renames (metadata only; indexes follow). */
        patch: operations["updateBigintAttribute"];
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/varchar": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Varchar attribute: VARCHAR(size) exactly (size 1..16381 characters). Answers 202 with status available, or processing while a long DDL finishes in the background. */
        post: operations["createVarcharAttribute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/varchar/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update required/default and size (resizes the VARCHAR; existing values that no longer fit → 400 attribute_invalid_resize); `newKey` renames (metadata only; indexes follow). */
        patch: operations["updateVarcharAttribute"];
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/text": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Text attribute: TEXT (stored size 65535). Answers 202 with status available, or processing while a long DDL finishes in the background. */
        post: operations["createTextAttribute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/text/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update required/default; `newKey` renames (metadata only; indexes follow). */
        patch: operations["updateTextAttribute"];
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/mediumtext": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mediumtext attribute: MEDIUMTEXT (stored size 16777215). Answers 202 with status available, or processing while a long DDL finishes in the background. */
        post: operations["createMediumtextAttribute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/mediumtext/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update required/default; `newKey` renames (metadata only; indexes follow). */
        patch: operations["updateMediumtextAttribute"];
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/longtext": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Longtext attribute: LONGTEXT (stored size 2147483647). Answers 202 with status available, or processing while a long DDL finishes in the background. */
        post: operations["createLongtextAttribute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/longtext/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update required/default; `newKey` renames (metadata only; indexes follow). */
        patch: operations["updateLongtextAttribute"];
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/point": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Spatial attributes are not available in Tenantry: always 400 general_feature_unsupported. */
        post: operations["createPointAttribute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/point/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Spatial attributes are not available in Tenantry: always 400 general_feature_unsupported. */
        patch: operations["updatePointAttribute"];
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/line": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Spatial attributes are not available in Tenantry: always 400 general_feature_unsupported. */
        post: operations["createLineAttribute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/line/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Spatial attributes are not available in Tenantry: always 400 general_feature_unsupported. */
        patch: operations["updateLineAttribute"];
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/polygon": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Spatial attributes are not available in Tenantry: always 400 general_feature_unsupported. */
        post: operations["createPolygonAttribute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/polygon/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Spatial attributes are not available in Tenantry: always 400 general_feature_unsupported. */
        patch: operations["updatePolygonAttribute"];
        trace?: never;
    };
    "/databases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Databases. Queries: limit, offset, cursorAfter, cursorBefore, equal/notEqual and orderAsc/orderDesc on $id, name, enabled, $createdAt, $updatedAt; `search` matches the name. */
        get: operations["listDatabases"];
        put?: never;
        /** Create a database (scope databases.write). */
        post: operations["createDatabase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/databases/{databaseId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
            };
            cookie?: never;
        };
        get: operations["getDatabase"];
        /** Update name and enabled (an omitted `enabled` means true). */
        put: operations["updateDatabase"];
        post?: never;
        /** Delete a database with all its collections, tables and documents (resumable). */
        delete: operations["deleteDatabase"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/databases/{databaseId}/collections": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
            };
            cookie?: never;
        };
        /** Collections of a database. Queries: limit, offset, cursors, equal/notEqual and order on $id, name, enabled, documentSecurity, $createdAt, $updatedAt; `search` matches the name. */
        get: operations["listCollections"];
        put?: never;
        /** Create a collection (its document table and permission side table), optionally with initial attributes and indexes; if any of those fails the collection is not created. */
        post: operations["createCollection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        get: operations["getCollection"];
        /** PUT-like update as in Appwrite; omitted documentSecurity → false, enabled → true; omitted/null permissions and name are kept. */
        put: operations["updateCollection"];
        post?: never;
        /** Drop the tables and metadata of the collection (resumable). */
        delete: operations["deleteCollection"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        /** Attributes. Queries: limit, offset, cursors, equal/notEqual and order on key, type, status, required, array, size. */
        get: operations["listAttributes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/string": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** String attribute; size → VARCHAR(size) up to 16381, then TEXT, MEDIUMTEXT, LONGTEXT. Answers 202 with status available, or processing while a long DDL finishes in the background. */
        post: operations["createStringAttribute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/string/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update required/default (and min/max, elements, size where they apply); `newKey` renames (metadata only; indexes follow). */
        patch: operations["updateStringAttribute"];
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/integer": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Integer attribute; INT when min/max fit 32 bits, else BIGINT (default range is int64). Answers 202 with status available, or processing while a long DDL finishes in the background. */
        post: operations["createIntegerAttribute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/integer/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update required/default (and min/max, elements, size where they apply); `newKey` renames (metadata only; indexes follow). */
        patch: operations["updateIntegerAttribute"];
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/float": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Float attribute (DOUBLE; reported as type `double`). Answers 202 with status available, or processing while a long DDL finishes in the background. */
        post: operations["createFloatAttribute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/float/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update required/default (and min/max, elements, size where they apply); `newKey` renames (metadata only; indexes follow). */
        patch: operations["updateFloatAttribute"];
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/boolean": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Boolean attribute (TINYINT(1)). Answers 202 with status available, or processing while a long DDL finishes in the background. */
        post: operations["createBooleanAttribute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/boolean/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update required/default (and min/max, elements, size where they apply); `newKey` renames (metadata only; indexes follow). */
        patch: operations["updateBooleanAttribute"];
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/datetime": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Datetime attribute (DATETIME(3), UTC). Answers 202 with status available, or processing while a long DDL finishes in the background. */
        post: operations["createDatetimeAttribute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/datetime/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update required/default (and min/max, elements, size where they apply); `newKey` renames (metadata only; indexes follow). */
        patch: operations["updateDatetimeAttribute"];
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/email": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email attribute (string, size 254, format email). Answers 202 with status available, or processing while a long DDL finishes in the background. */
        post: operations["createEmailAttribute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/email/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update required/default (and min/max, elements, size where they apply); `newKey` renames (metadata only; indexes follow). */
        patch: operations["updateEmailAttribute"];
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/enum": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enum attribute (string, size 255, format enum). Answers 202 with status available, or processing while a long DDL finishes in the background. */
        post: operations["createEnumAttribute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/enum/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update required/default (and min/max, elements, size where they apply); `newKey` renames (metadata only; indexes follow). */
        patch: operations["updateEnumAttribute"];
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/url": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** URL attribute (string, size 2000, format url). Answers 202 with status available, or processing while a long DDL finishes in the background. */
        post: operations["createUrlAttribute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/url/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update required/default (and min/max, elements, size where they apply); `newKey` renames (metadata only; indexes follow). */
        patch: operations["updateUrlAttribute"];
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/ip": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** IP attribute (string, size 39, format ip). Answers 202 with status available, or processing while a long DDL finishes in the background. */
        post: operations["createIpAttribute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/ip/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update required/default (and min/max, elements, size where they apply); `newKey` renames (metadata only; indexes follow). */
        patch: operations["updateIpAttribute"];
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        get: operations["getAttribute"];
        put?: never;
        post?: never;
        /** Drop the column and the attribute (409 index_dependency while an index uses it). */
        delete: operations["deleteAttribute"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/indexes": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        /** Indexes. Queries: limit, offset, cursors, equal/notEqual and order on key, type, status. */
        get: operations["listIndexes"];
        put?: never;
        /** Create a key, unique or fulltext index (202). Key/unique indexes lead with the tenant column, so uniqueness is per project. On SQLite fulltext indexes are metadata only (search uses LIKE). */
        post: operations["createIndex"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/indexes/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        get: operations["getIndex"];
        put?: never;
        post?: never;
        delete: operations["deleteIndex"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        /** Documents the caller may read (scope documents.read). Queries: equal, notEqual, lessThan(Equal), greaterThan(Equal), between, notBetween, isNull, isNotNull, startsWith, endsWith, notStartsWith, notEndsWith, contains, notContains, containsAny, containsAll, search, notSearch, exists, notExists, and, or, select, orderAsc, orderDesc, orderRandom, limit (≤5000, default 25), offset, cursorAfter, cursorBefore. `total` is exact up to 5000; `total=false` skips it. */
        get: operations["listDocuments"];
        /** API keys only: create or update up to 100 documents (by `$id`) in one transaction. */
        put: operations["upsertDocuments"];
        /** Create one document (`documentId` + `data` + optional `permissions`; the caller needs the collection's create permission) or, API keys only, up to 100 (`documents`, each with optional `$id` and `$permissions`) in one transaction. */
        post: operations["createDocument"];
        /** API keys only: delete every document the queries match (default and at most 5000), in one transaction; answers with the deleted documents. */
        delete: operations["deleteDocuments"];
        options?: never;
        head?: never;
        /** API keys only: apply `data` to every document the queries match (default and at most 5000), in one transaction. */
        patch: operations["updateDocuments"];
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/documents/{documentId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                documentId: string;
            };
            cookie?: never;
        };
        /** One document (404 when missing or not readable by the caller). Only `select` queries. */
        get: operations["getDocument"];
        /** Create the document (collection create permission; omitted permissions → read/update/delete for the signed-in user) or update the existing one with the attributes sent (update permission). */
        put: operations["upsertDocument"];
        post?: never;
        /** Delete a document and its permission rows. */
        delete: operations["deleteDocument"];
        options?: never;
        head?: never;
        /** Update attributes and/or permissions (404 missing, 401 not permitted). A caller that can update but not read gets the document without attribute values. */
        patch: operations["updateDocument"];
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/documents/{documentId}/{attribute}/increment": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                documentId: string;
                attribute: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Atomically add `value` (default 1) to a numeric attribute, refusing (400 attribute_value_invalid) when the result would exceed `max` or the attribute's own maximum. */
        patch: operations["incrementDocumentAttribute"];
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/documents/{documentId}/{attribute}/decrement": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                documentId: string;
                attribute: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Atomically subtract `value` (default 1) from a numeric attribute, refusing (400 attribute_value_invalid) when the result would go below `min` or the attribute's own minimum. */
        patch: operations["decrementDocumentAttribute"];
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness (no auth). */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/db": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Database round trip (API key, or console owner session). */
        get: operations["getHealthDb"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/cache": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Session/rate-limit store round trip (Redis or in-process). */
        get: operations["getHealthCache"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Answers `Pong!` for an existing project. */
        get: operations["ping"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listProjects"];
        put?: never;
        /** Create a project (console owner session). */
        post: operations["createProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        get: operations["getProject"];
        put?: never;
        post?: never;
        /** Delete the project with all its rows, tables and keys. */
        delete: operations["deleteProject"];
        options?: never;
        head?: never;
        /** Rename, set the allowed browser origins (CORS) and the session duration. */
        patch: operations["updateProject"];
        trace?: never;
    };
    "/projects/{projectId}/keys": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        get: operations["listKeys"];
        put?: never;
        /** Create an API key. The `secret` is in this response only. */
        post: operations["createKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectId}/keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
                keyId: string;
            };
            cookie?: never;
        };
        get: operations["getKey"];
        put: operations["updateKey"];
        post?: never;
        /** Revoke the key (refused on the next request). */
        delete: operations["deleteKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectId}/limits": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        /** The project's effective rate limits (defaults with its overrides applied). */
        get: operations["getProjectLimits"];
        /** Replace the project's rate-limit overrides, by preset name (`limit` 0 switches a preset off; an empty map restores the defaults). */
        put: operations["updateProjectLimits"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/realtime": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Realtime events over WebSocket (Appwrite's protocol): upgrade here, then subscribe to channels.
         * @description Served by the realtime server on the same port, not as a REST route. Connect with
         *     `ws(s)://<host>/v1/realtime?project=<projectId>` (SDK: `client.subscribe(channels, callback)`).
         *     Identity, in Appwrite's order: session cookie `a_session_<project>` (or `_legacy`), `X-Appwrite-Session`,
         *     `X-Fallback-Cookies`, then a JWT (`X-Appwrite-JWT` or `jwt=`); or later an `authentication` frame.
         *     Frames are JSON `{type, data}`: the server sends `connected`, `event`, `response`, `error`, `pong`; the client
         *     sends `ping`, `authentication` `{session}`, `subscribe` `[{subscriptionId?, channels, queries?}]`,
         *     `unsubscribe` `[{subscriptionId}]`. An event reaches a connection only when one of its subscriptions names
         *     one of the event's channels, its queries match, and the connection's roles may read the resource at the
         *     time of the event. Open-time failures send an `error` frame and close: unknown project 1008, foreign
         *     `Origin` 1008, more than 128 connects per minute per IP 1013, the project's connection cap 1013, a bad JWT
         *     (error 401, close 1008). Message errors (1003, 1009, 1013 after 32 frames a minute) keep the socket open.
         *     A revoked session closes with 1008; a reader that falls behind by more than 1 MiB is dropped with 1013; a
         *     socket silent for a heartbeat interval (30 s) is cut off; shutdown closes with 1001.
         */
        get: operations["realtimeConnect"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/relationship": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Relationship attribute to another collection of the same database: oneToOne, manyToOne, oneToMany or manyToMany; twoWay adds the twin attribute `twoWayKey` on the related collection. `key` defaults to relatedCollectionId, `twoWayKey` to collectionId, `onDelete` to restrict. Storage: a column holding the related $id (one-to-one, many-to-one: on this collection; one-to-many: on the related one) or a junction table (many-to-many). */
        post: operations["createRelationshipAttribute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/{key}/relationship": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Changes onDelete (both sides) and/or renames this side (`newKey`; the twin's twoWayKey follows). */
        patch: operations["updateRelationshipAttribute"];
        trace?: never;
    };
    "/databases/{databaseId}/collections/{collectionId}/attributes/relationship/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** The path node-appwrite 27 `Databases.updateRelationshipAttribute` sends; same as PATCH …/attributes/{key}/relationship. Changes onDelete (both sides) and/or renames this side (`newKey`; the twin's twoWayKey follows). */
        patch: operations["updateRelationshipAttributeBySdkPath"];
        trace?: never;
    };
    "/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Teams (API key) or the caller's own teams (signed-in user). */
        get: operations["listTeams"];
        put?: never;
        /** Create a team. A signed-in user who creates it becomes its first member, with `roles` (default `["owner"]`). */
        post: operations["createTeam"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/teams/{teamId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                teamId: string;
            };
            cookie?: never;
        };
        get: operations["getTeam"];
        /** Rename (API key or team owner). */
        put: operations["updateTeamName"];
        post?: never;
        /** Delete the team and its memberships (API key or team owner). */
        delete: operations["deleteTeam"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/teams/{teamId}/memberships": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                teamId: string;
            };
            cookie?: never;
        };
        get: operations["listMemberships"];
        put?: never;
        /** Add a member, confirmed at once (no invitation emails): an API key by `userId` or `email` (an unknown email creates the user); a team owner for an existing user. */
        post: operations["createMembership"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/teams/{teamId}/memberships/{membershipId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                teamId: string;
                membershipId: string;
            };
            cookie?: never;
        };
        get: operations["getMembership"];
        put?: never;
        post?: never;
        /** Remove a member (API key, team owner, or the member leaving). The `team:*` and `member:*` roles go at once. */
        delete: operations["deleteMembership"];
        options?: never;
        head?: never;
        /** Replace the member's roles (API key or team owner). */
        patch: operations["updateMembership"];
        trace?: never;
    };
    "/databases/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's transactions (keys and admins: every transaction of the project). Queries: equal/notEqual/lessThan/lessThanEqual/greaterThan/greaterThanEqual on status, expiresAt, $createdAt, $updatedAt, $id, operations; orderAsc/orderDesc; limit; offset. */
        get: operations["listTransactions"];
        put?: never;
        /** Opens a transaction (status `pending`) that expires `ttl` seconds from now. Writes naming its `transactionId` are staged, then committed or rolled back together. */
        post: operations["createTransaction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/databases/transactions/{transactionId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                transactionId: string;
            };
            cookie?: never;
        };
        /** One transaction (404 `transaction_not_found` when unknown or someone else's). */
        get: operations["getTransaction"];
        put?: never;
        post?: never;
        /** Deletes a transaction and its staged operations. */
        delete: operations["deleteTransaction"];
        options?: never;
        head?: never;
        /** Commit (every staged operation in staging order in one database transaction; a document changed since its operation was staged → 409 `transaction_conflict`, nothing written, status `failed`) or roll back (status `failed`, nothing written). Not pending → 400 `transaction_not_ready`; expired → 410 `transaction_expired`. */
        patch: operations["updateTransaction"];
        trace?: never;
    };
    "/databases/transactions/{transactionId}/operations": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                transactionId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stages operations (`{action, databaseId, tableId|collectionId, rowId|documentId, data}`; actions create, update, upsert, delete, increment, decrement, bulkCreate, bulkUpdate, bulkUpsert, bulkDelete), each checked as the write itself would be. At most 100 operations per transaction. */
        post: operations["createOperations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the project's users (API key with `users.read`). */
        get: operations["listUsers"];
        put?: never;
        /** Create a user (API key with `users.write`). Email and password are optional. */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        get: operations["getUser"];
        put?: never;
        post?: never;
        /** Delete the user, their memberships and sessions. */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}/labels": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        get?: never;
        /** Replace the user's labels (each gives the `label:NAME` role). */
        put: operations["updateUserLabels"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}/status": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Block (`false`) or unblock the user. Blocking deletes every session (and so every JWT) at once. */
        patch: operations["updateUserStatus"];
        trace?: never;
    };
    "/users/{userId}/verification": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["updateUserEmailVerification"];
        trace?: never;
    };
    "/users/{userId}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        get: operations["listUserSessions"];
        put?: never;
        /** Create a session for the user (server-side rendering); the response's `secret` is the session token. */
        post: operations["createUserSession"];
        delete: operations["deleteUserSessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
                sessionId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["deleteUserSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/bigint": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bigint column: BIGINT (signed 64-bit), exact over the whole int64 range. Values, min, max and default beyond ±(2^53−1) travel as exact JSON integer literals (node-appwrite reads them as BigInt). Answers 202 with status available, or processing while a long DDL finishes in the background. */
        post: operations["tablesDBCreateBigIntColumn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/bigint/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update required/default and min/max (int64); `newKey` renames (metadata only; indexes follow). */
        patch: operations["tablesDBUpdateBigIntColumn"];
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/varchar": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Varchar column: VARCHAR(size) exactly (size 1..16381 characters). Answers 202 with status available, or processing while a long DDL finishes in the background. */
        post: operations["tablesDBCreateVarcharColumn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/varchar/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update required/default and size (resizes the VARCHAR; existing values that no longer fit → 400 attribute_invalid_resize); `newKey` renames (metadata only; indexes follow). */
        patch: operations["tablesDBUpdateVarcharColumn"];
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/text": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Text column: TEXT (stored size 65535). Answers 202 with status available, or processing while a long DDL finishes in the background. */
        post: operations["tablesDBCreateTextColumn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/text/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update required/default; `newKey` renames (metadata only; indexes follow). */
        patch: operations["tablesDBUpdateTextColumn"];
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/mediumtext": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mediumtext column: MEDIUMTEXT (stored size 16777215). Answers 202 with status available, or processing while a long DDL finishes in the background. */
        post: operations["tablesDBCreateMediumtextColumn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/mediumtext/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update required/default; `newKey` renames (metadata only; indexes follow). */
        patch: operations["tablesDBUpdateMediumtextColumn"];
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/longtext": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Longtext column: LONGTEXT (stored size 2147483647). Answers 202 with status available, or processing while a long DDL finishes in the background. */
        post: operations["tablesDBCreateLongtextColumn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/longtext/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update required/default; `newKey` renames (metadata only; indexes follow). */
        patch: operations["tablesDBUpdateLongtextColumn"];
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/point": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Spatial columns are not available in Tenantry: always 400 general_feature_unsupported. */
        post: operations["tablesDBCreatePointColumn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/point/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Spatial columns are not available in Tenantry: always 400 general_feature_unsupported. */
        patch: operations["tablesDBUpdatePointColumn"];
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/line": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Spatial columns are not available in Tenantry: always 400 general_feature_unsupported. */
        post: operations["tablesDBCreateLineColumn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/line/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Spatial columns are not available in Tenantry: always 400 general_feature_unsupported. */
        patch: operations["tablesDBUpdateLineColumn"];
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/polygon": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Spatial columns are not available in Tenantry: always 400 general_feature_unsupported. */
        post: operations["tablesDBCreatePolygonColumn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/polygon/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Spatial columns are not available in Tenantry: always 400 general_feature_unsupported. */
        patch: operations["tablesDBUpdatePolygonColumn"];
        trace?: never;
    };
    "/tablesdb": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Databases. Queries: limit, offset, cursorAfter, cursorBefore, equal/notEqual and orderAsc/orderDesc on $id, name, enabled, $createdAt, $updatedAt; `search` matches the name. */
        get: operations["tablesDBList"];
        put?: never;
        /** Create a database (scope databases.write). */
        post: operations["tablesDBCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tablesdb/{databaseId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
            };
            cookie?: never;
        };
        get: operations["tablesDBGet"];
        /** Update name and enabled (an omitted `enabled` means true). */
        put: operations["tablesDBUpdate"];
        post?: never;
        /** Delete a database with all its tables, tables and rows (resumable). */
        delete: operations["tablesDBDelete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
            };
            cookie?: never;
        };
        /** Tables of a database. Queries: limit, offset, cursors, equal/notEqual and order on $id, name, enabled, rowSecurity, $createdAt, $updatedAt; `search` matches the name. */
        get: operations["tablesDBListTables"];
        put?: never;
        /** Create a table (its row table and permission side table), optionally with initial columns and indexes; if any of those fails the table is not created. */
        post: operations["tablesDBCreateTable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        get: operations["tablesDBGetTable"];
        /** PUT-like update as in Appwrite; omitted rowSecurity → false, enabled → true; omitted/null permissions and name are kept. */
        put: operations["tablesDBUpdateTable"];
        post?: never;
        /** Drop the tables and metadata of the table (resumable). */
        delete: operations["tablesDBDeleteTable"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        /** Columns. Queries: limit, offset, cursors, equal/notEqual and order on key, type, status, required, array, size. */
        get: operations["tablesDBListColumns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/string": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** String column; size → VARCHAR(size) up to 16381, then TEXT, MEDIUMTEXT, LONGTEXT. Answers 202 with status available, or processing while a long DDL finishes in the background. */
        post: operations["tablesDBCreateStringColumn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/string/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update required/default (and min/max, elements, size where they apply); `newKey` renames (metadata only; indexes follow). */
        patch: operations["tablesDBUpdateStringColumn"];
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/integer": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Integer column; INT when min/max fit 32 bits, else BIGINT (default range is int64). Answers 202 with status available, or processing while a long DDL finishes in the background. */
        post: operations["tablesDBCreateIntegerColumn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/integer/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update required/default (and min/max, elements, size where they apply); `newKey` renames (metadata only; indexes follow). */
        patch: operations["tablesDBUpdateIntegerColumn"];
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/float": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Float column (DOUBLE; reported as type `double`). Answers 202 with status available, or processing while a long DDL finishes in the background. */
        post: operations["tablesDBCreateFloatColumn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/float/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update required/default (and min/max, elements, size where they apply); `newKey` renames (metadata only; indexes follow). */
        patch: operations["tablesDBUpdateFloatColumn"];
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/boolean": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Boolean column (TINYINT(1)). Answers 202 with status available, or processing while a long DDL finishes in the background. */
        post: operations["tablesDBCreateBooleanColumn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/boolean/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update required/default (and min/max, elements, size where they apply); `newKey` renames (metadata only; indexes follow). */
        patch: operations["tablesDBUpdateBooleanColumn"];
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/datetime": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Datetime column (DATETIME(3), UTC). Answers 202 with status available, or processing while a long DDL finishes in the background. */
        post: operations["tablesDBCreateDatetimeColumn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/datetime/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update required/default (and min/max, elements, size where they apply); `newKey` renames (metadata only; indexes follow). */
        patch: operations["tablesDBUpdateDatetimeColumn"];
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/email": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email column (string, size 254, format email). Answers 202 with status available, or processing while a long DDL finishes in the background. */
        post: operations["tablesDBCreateEmailColumn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/email/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update required/default (and min/max, elements, size where they apply); `newKey` renames (metadata only; indexes follow). */
        patch: operations["tablesDBUpdateEmailColumn"];
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/enum": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enum column (string, size 255, format enum). Answers 202 with status available, or processing while a long DDL finishes in the background. */
        post: operations["tablesDBCreateEnumColumn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/enum/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update required/default (and min/max, elements, size where they apply); `newKey` renames (metadata only; indexes follow). */
        patch: operations["tablesDBUpdateEnumColumn"];
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/url": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** URL column (string, size 2000, format url). Answers 202 with status available, or processing while a long DDL finishes in the background. */
        post: operations["tablesDBCreateUrlColumn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/url/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update required/default (and min/max, elements, size where they apply); `newKey` renames (metadata only; indexes follow). */
        patch: operations["tablesDBUpdateUrlColumn"];
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/ip": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** IP column (string, size 39, format ip). Answers 202 with status available, or processing while a long DDL finishes in the background. */
        post: operations["tablesDBCreateIpColumn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/ip/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update required/default (and min/max, elements, size where they apply); `newKey` renames (metadata only; indexes follow). */
        patch: operations["tablesDBUpdateIpColumn"];
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        get: operations["tablesDBGetColumn"];
        put?: never;
        post?: never;
        /** Drop the column and the column (409 index_dependency while an index uses it). */
        delete: operations["tablesDBDeleteColumn"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/indexes": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        /** Indexes. Queries: limit, offset, cursors, equal/notEqual and order on key, type, status. */
        get: operations["tablesDBListIndexes"];
        put?: never;
        /** Create a key, unique or fulltext index (202). Key/unique indexes lead with the tenant column, so uniqueness is per project. On SQLite fulltext indexes are metadata only (search uses LIKE). */
        post: operations["tablesDBCreateIndex"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/indexes/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        get: operations["tablesDBGetIndex"];
        put?: never;
        post?: never;
        delete: operations["tablesDBDeleteIndex"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/rows": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        /** Rows the caller may read (scope rows.read). Queries: equal, notEqual, lessThan(Equal), greaterThan(Equal), between, notBetween, isNull, isNotNull, startsWith, endsWith, notStartsWith, notEndsWith, contains, notContains, containsAny, containsAll, search, notSearch, exists, notExists, and, or, select, orderAsc, orderDesc, orderRandom, limit (≤5000, default 25), offset, cursorAfter, cursorBefore. `total` is exact up to 5000; `total=false` skips it. */
        get: operations["tablesDBListRows"];
        /** API keys only: create or update up to 100 rows (by `$id`) in one transaction. */
        put: operations["tablesDBUpsertRows"];
        /** Create one row (`rowId` + `data` + optional `permissions`; the caller needs the table's create permission) or, API keys only, up to 100 (`rows`, each with optional `$id` and `$permissions`) in one transaction. */
        post: operations["tablesDBCreateRow"];
        /** API keys only: delete every row the queries match (default and at most 5000), in one transaction; answers with the deleted rows. */
        delete: operations["tablesDBDeleteRows"];
        options?: never;
        head?: never;
        /** API keys only: apply `data` to every row the queries match (default and at most 5000), in one transaction. */
        patch: operations["tablesDBUpdateRows"];
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/rows/{rowId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                rowId: string;
            };
            cookie?: never;
        };
        /** One row (404 when missing or not readable by the caller). Only `select` queries. */
        get: operations["tablesDBGetRow"];
        /** Create the row (table create permission; omitted permissions → read/update/delete for the signed-in user) or update the existing one with the columns sent (update permission). */
        put: operations["tablesDBUpsertRow"];
        post?: never;
        /** Delete a row and its permission rows. */
        delete: operations["tablesDBDeleteRow"];
        options?: never;
        head?: never;
        /** Update columns and/or permissions (404 missing, 401 not permitted). A caller that can update but not read gets the row without column values. */
        patch: operations["tablesDBUpdateRow"];
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/rows/{rowId}/{column}/increment": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                rowId: string;
                column: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Atomically add `value` (default 1) to a numeric column, refusing (400 attribute_value_invalid) when the result would exceed `max` or the column's own maximum. */
        patch: operations["tablesDBIncrementRowColumn"];
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/rows/{rowId}/{column}/decrement": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                rowId: string;
                column: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Atomically subtract `value` (default 1) from a numeric column, refusing (400 attribute_value_invalid) when the result would go below `min` or the column's own minimum. */
        patch: operations["tablesDBDecrementRowColumn"];
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/relationship": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Relationship column to another table of the same database: oneToOne, manyToOne, oneToMany or manyToMany; twoWay adds the twin column `twoWayKey` on the related table. `key` defaults to relatedTableId, `twoWayKey` to tableId, `onDelete` to restrict. Storage: a column holding the related $id (one-to-one, many-to-one: on this table; one-to-many: on the related one) or a junction table (many-to-many). */
        post: operations["tablesDBCreateRelationshipColumn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tablesdb/{databaseId}/tables/{tableId}/columns/{key}/relationship": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Changes onDelete (both sides) and/or renames this side (`newKey`; the twin's twoWayKey follows). */
        patch: operations["tablesDBUpdateRelationshipColumn"];
        trace?: never;
    };
    "/tablesdb/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's transactions (keys and admins: every transaction of the project). Queries: equal/notEqual/lessThan/lessThanEqual/greaterThan/greaterThanEqual on status, expiresAt, $createdAt, $updatedAt, $id, operations; orderAsc/orderDesc; limit; offset. */
        get: operations["tablesDBListTransactions"];
        put?: never;
        /** Opens a transaction (status `pending`) that expires `ttl` seconds from now. Writes naming its `transactionId` are staged, then committed or rolled back together. */
        post: operations["tablesDBCreateTransaction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tablesdb/transactions/{transactionId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                transactionId: string;
            };
            cookie?: never;
        };
        /** One transaction (404 `transaction_not_found` when unknown or someone else's). */
        get: operations["tablesDBGetTransaction"];
        put?: never;
        post?: never;
        /** Deletes a transaction and its staged operations. */
        delete: operations["tablesDBDeleteTransaction"];
        options?: never;
        head?: never;
        /** Commit (every staged operation in staging order in one database transaction; a row changed since its operation was staged → 409 `transaction_conflict`, nothing written, status `failed`) or roll back (status `failed`, nothing written). Not pending → 400 `transaction_not_ready`; expired → 410 `transaction_expired`. */
        patch: operations["tablesDBUpdateTransaction"];
        trace?: never;
    };
    "/tablesdb/transactions/{transactionId}/operations": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                transactionId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stages operations (`{action, databaseId, tableId|tableId, rowId|rowId, data}`; actions create, update, upsert, delete, increment, decrement, bulkCreate, bulkUpdate, bulkUpsert, bulkDelete), each checked as the write itself would be. At most 100 operations per transaction. */
        post: operations["tablesDBCreateOperations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            message: string;
            /** @description Equal to the HTTP status. */
            code: number;
            /** @description Stable error type, e.g. `document_not_found`. */
            type: string;
            version: string;
        };
        /** @description `unique()` or up to 36 chars of a-z, A-Z, 0-9, period, hyphen and underscore, not starting with a special char. */
        CustomId: string;
        Uid: string;
        /** @description UTC with milliseconds: `2026-08-21T12:42:38.123+00:00`. */
        Datetime: string;
        EmailPasswordSessionRequest: {
            email: string;
            password: string;
        };
        User: {
            $id: string;
            $createdAt: components["schemas"]["Datetime"];
            $updatedAt: components["schemas"]["Datetime"];
            name: string;
            registration: components["schemas"]["Datetime"];
            status: boolean;
            labels: string[];
            passwordUpdate: string;
            email: string;
            phone: string;
            emailVerification: boolean;
            phoneVerification: boolean;
            mfa: boolean;
            prefs: Record<string, never>;
            targets: Record<string, never>[];
            accessedAt: string;
        };
        Session: {
            $id: string;
            $createdAt: components["schemas"]["Datetime"];
            $updatedAt?: components["schemas"]["Datetime"];
            userId: string;
            expire: components["schemas"]["Datetime"];
            provider: string;
            providerUid?: string;
            ip?: string;
            current: boolean;
            factors?: string[];
            /** @description The session token; filled only for API-key callers (server-side rendering). */
            secret: string;
        };
        SessionList: {
            total: number;
            sessions: components["schemas"]["Session"][];
        };
        Jwt: {
            /** @description Send as `X-Appwrite-JWT`. */
            jwt: string;
        };
        Preferences: {
            [key: string]: unknown;
        };
        Database: {
            $id: string;
            name: string;
            $createdAt: components["schemas"]["Datetime"];
            $updatedAt: components["schemas"]["Datetime"];
            enabled: boolean;
            /**
             * @description The API the database was made through; both APIs serve both types.
             * @enum {string}
             */
            type: "legacy" | "tablesdb";
        };
        DatabaseList: {
            total: number;
            databases: components["schemas"]["Database"][];
        };
        Collection: {
            $id: string;
            $createdAt: components["schemas"]["Datetime"];
            $updatedAt: components["schemas"]["Datetime"];
            $permissions: string[];
            databaseId: string;
            name: string;
            enabled: boolean;
            documentSecurity: boolean;
            attributes: components["schemas"]["Attribute"][];
            indexes: components["schemas"]["Index"][];
            /** @description 0 = no limit. */
            bytesMax: number;
            bytesUsed: number;
        };
        CollectionList: {
            total: number;
            collections: components["schemas"]["Collection"][];
        };
        /** @description Appwrite's Attribute* models: common fields plus, by type/format, size+encrypt (string, varchar), encrypt (text, mediumtext, longtext), min/max (integer, double, bigint: int64, exact literals), elements (enum), format (email, url, ip, enum, datetime). */
        Attribute: {
            key: string;
            /** @enum {string} */
            type: "string" | "integer" | "double" | "boolean" | "datetime" | "bigint" | "varchar" | "text" | "mediumtext" | "longtext" | "relationship";
            /** @enum {string} */
            status: "available" | "processing" | "deleting" | "stuck" | "failed";
            error: string;
            required: boolean;
            array: boolean;
            $createdAt: components["schemas"]["Datetime"];
            $updatedAt: components["schemas"]["Datetime"];
            size?: number;
            encrypt?: boolean;
            min?: number | null;
            max?: number | null;
            format?: string;
            elements?: string[];
            default?: unknown;
            /** @description Relationship attributes: the related collection's ID. */
            relatedCollection?: string;
            /** @enum {string} */
            relationType?: "oneToOne" | "manyToOne" | "manyToMany" | "oneToMany";
            twoWay?: boolean;
            twoWayKey?: string;
            /** @enum {string} */
            onDelete?: "cascade" | "restrict" | "setNull";
            /** @enum {string} */
            side?: "parent" | "child";
        };
        AttributeList: {
            total: number;
            attributes: components["schemas"]["Attribute"][];
        };
        /** @description An attribute in createCollection: `type` is string, integer, float/double, boolean, datetime, email, enum, url, ip, bigint, varchar, text, mediumtext or longtext (or string with `format`), plus that type's fields. */
        InitialAttribute: {
            key: string;
            type: string;
            format?: string;
            size?: number;
            required?: boolean;
            array?: boolean;
            default?: unknown;
            /** @description a number (int64 for bigint: a JSON integer literal, exact) */
            min?: unknown;
            /** @description a number (int64 for bigint: a JSON integer literal, exact) */
            max?: unknown;
            elements?: string[];
        };
        Index: {
            $id: string;
            $createdAt: components["schemas"]["Datetime"];
            $updatedAt: components["schemas"]["Datetime"];
            key: string;
            /** @enum {string} */
            type: "key" | "unique" | "fulltext";
            /** @enum {string} */
            status: "available" | "processing" | "deleting" | "stuck" | "failed";
            error: string;
            attributes: string[];
            lengths: (number | null)[];
            orders: string[];
        };
        IndexList: {
            total: number;
            indexes: components["schemas"]["Index"][];
        };
        IndexRequest: {
            key: string;
            /** @description key, unique or fulltext (spatial is not supported). */
            type: string;
            attributes: string[];
            orders?: (string | null)[] | null;
            lengths?: (number | null)[] | null;
        };
        /** @description Permission strings such as `read("any")`, `update("user:ID")`, `write("team:T/owner")` (write = update + delete; create is not allowed on documents). */
        DocumentPermissions: string[];
        QueryList: string[];
        DocumentWrite: {
            data?: Record<string, never>;
            permissions?: components["schemas"]["DocumentPermissions"];
            /** @description Stages the write in this transaction (checked now, applied on commit); the answer is a mock, nothing is written. */
            transactionId?: string;
        };
        /** @description All available attributes of the collection (by key), plus the system fields. */
        Document: {
            $id: string;
            /** @description Internal sequence (a string */
            $sequence: string;
            $createdAt: components["schemas"]["Datetime"];
            $updatedAt: components["schemas"]["Datetime"];
            $permissions: string[];
            $databaseId: string;
            $collectionId: string;
        } & {
            [key: string]: unknown;
        };
        DocumentList: {
            /** @description Matching documents the caller may read, exact up to 5000; 0 with `total=false`. */
            total: number;
            documents: components["schemas"]["Document"][];
        };
        HealthStatus: {
            name: string;
            /** @description Round trip in ms. */
            ping: number;
            /** @enum {string} */
            status: "pass" | "fail";
        };
        HealthStatusList: {
            total: number;
            statuses: components["schemas"]["HealthStatus"][];
        };
        Project: {
            $id: string;
            $createdAt: components["schemas"]["Datetime"];
            $updatedAt: components["schemas"]["Datetime"];
            name: string;
            /** @description Allowed browser origins (CORS). */
            origins: string[];
            /** @description Session lifetime in seconds. */
            authDuration: number;
            /** @description Cap on the project's open realtime connections per server process. */
            realtimeConnections: number;
        };
        ProjectList: {
            total: number;
            projects: components["schemas"]["Project"][];
        };
        /**
         * @description A key's permission. As in Appwrite's Databases API, attribute and index routes check collections.read / collections.write; attributes.* and indexes.* are accepted (Appwrite's scope list has them) but open no legacy route on their own. TablesDB routes accept any one of their alternatives: tables [tables.*, collections.*]; columns [tables.*, collections.*, columns.*, attributes.*]; indexes [tables.*, collections.*, indexes.*]; rows [rows.*, documents.*].
         * @enum {string}
         */
        KeyScope: "databases.read" | "databases.write" | "collections.read" | "collections.write" | "attributes.read" | "attributes.write" | "indexes.read" | "indexes.write" | "documents.read" | "documents.write" | "users.read" | "users.write" | "teams.read" | "teams.write" | "health.read" | "tables.read" | "tables.write" | "columns.read" | "columns.write" | "rows.read" | "rows.write";
        Key: {
            $id: string;
            $createdAt: components["schemas"]["Datetime"];
            $updatedAt: components["schemas"]["Datetime"];
            name: string;
            expire: string | null;
            scopes: components["schemas"]["KeyScope"][];
            /** @description `standard_…`; only in the create response, empty afterwards. */
            secret: string;
            accessedAt: string | null;
            sdks: string[];
        };
        KeyList: {
            total: number;
            keys: components["schemas"]["Key"][];
        };
        RateLimit: {
            /** @description Preset name, e.g. `documents.write`, `account.sessions.email`, `key`. */
            name: string;
            /** @description Requests per window (0 = off). */
            limit: number;
            windowSeconds: number;
            /** @description What the counter is keyed on (always within the project). */
            key: ("ip" | "user" | "key" | "email")[];
            overridden: boolean;
            default: {
                limit: number;
                windowSeconds: number;
            };
        };
        RateLimitList: {
            total: number;
            limits: components["schemas"]["RateLimit"][];
        };
        TeamRoles: string[];
        Team: {
            $id: string;
            $createdAt: components["schemas"]["Datetime"];
            $updatedAt: components["schemas"]["Datetime"];
            name: string;
            /** @description Number of members. */
            total: number;
            prefs: Record<string, never>;
        };
        TeamList: {
            total: number;
            teams: components["schemas"]["Team"][];
        };
        Membership: {
            $id: string;
            $createdAt: components["schemas"]["Datetime"];
            $updatedAt: components["schemas"]["Datetime"];
            userId: string;
            userName: string;
            userEmail: string;
            teamId: string;
            teamName: string;
            invited: string;
            joined: string;
            confirm: boolean;
            mfa: boolean;
            roles: string[];
        };
        MembershipList: {
            total: number;
            memberships: components["schemas"]["Membership"][];
        };
        Transaction: {
            $id: string;
            $createdAt: components["schemas"]["Datetime"];
            $updatedAt: components["schemas"]["Datetime"];
            /**
             * @description pending → committing → committed, or failed (a failed commit or a rollback).
             * @enum {string}
             */
            status: "pending" | "committing" | "committed" | "failed";
            /** @description Number of staged operations. */
            operations: number;
            expiresAt: components["schemas"]["Datetime"];
        };
        TransactionList: {
            total: number;
            transactions: components["schemas"]["Transaction"][];
        };
        UserList: {
            total: number;
            users: components["schemas"]["User"][];
        };
        Table: {
            $id: string;
            $createdAt: components["schemas"]["Datetime"];
            $updatedAt: components["schemas"]["Datetime"];
            $permissions: string[];
            databaseId: string;
            name: string;
            enabled: boolean;
            rowSecurity: boolean;
            columns: components["schemas"]["Column"][];
            indexes: components["schemas"]["ColumnIndex"][];
            /** @description 0 = no limit. */
            bytesMax: number;
            bytesUsed: number;
        };
        TableList: {
            total: number;
            tables: components["schemas"]["Table"][];
        };
        /** @description Appwrite's Column* models: common fields plus, by type/format, size+encrypt (string, varchar), encrypt (text, mediumtext, longtext), min/max (integer, double, bigint: int64, exact literals), elements (enum), format (email, url, ip, enum, datetime). */
        Column: {
            key: string;
            /** @enum {string} */
            type: "string" | "integer" | "double" | "boolean" | "datetime" | "bigint" | "varchar" | "text" | "mediumtext" | "longtext" | "relationship";
            /** @enum {string} */
            status: "available" | "processing" | "deleting" | "stuck" | "failed";
            error: string;
            required: boolean;
            array: boolean;
            $createdAt: components["schemas"]["Datetime"];
            $updatedAt: components["schemas"]["Datetime"];
            size?: number;
            encrypt?: boolean;
            min?: number | null;
            max?: number | null;
            format?: string;
            elements?: string[];
            default?: unknown;
            /** @description Relationship columns: the related table's ID. */
            relatedTable?: string;
            /** @enum {string} */
            relationType?: "oneToOne" | "manyToOne" | "manyToMany" | "oneToMany";
            twoWay?: boolean;
            twoWayKey?: string;
            /** @enum {string} */
            onDelete?: "cascade" | "restrict" | "setNull";
            /** @enum {string} */
            side?: "parent" | "child";
        };
        ColumnList: {
            total: number;
            columns: components["schemas"]["Column"][];
        };
        ColumnIndex: {
            $id: string;
            $createdAt: components["schemas"]["Datetime"];
            $updatedAt: components["schemas"]["Datetime"];
            key: string;
            /** @enum {string} */
            type: "key" | "unique" | "fulltext";
            /** @enum {string} */
            status: "available" | "processing" | "deleting" | "stuck" | "failed";
            error: string;
            columns: string[];
            lengths: (number | null)[];
            orders: string[];
        };
        ColumnIndexList: {
            total: number;
            indexes: components["schemas"]["ColumnIndex"][];
        };
        /** @description All available columns of the table (by key), plus the system fields. */
        Row: {
            $id: string;
            /** @description Internal sequence (a string */
            $sequence: string;
            $createdAt: components["schemas"]["Datetime"];
            $updatedAt: components["schemas"]["Datetime"];
            $permissions: string[];
            $databaseId: string;
            $tableId: string;
        } & {
            [key: string]: unknown;
        };
        RowList: {
            /** @description Matching rows the caller may read, exact up to 5000; 0 with `total=false`. */
            total: number;
            rows: components["schemas"]["Row"][];
        };
    };
    responses: {
        /** @description Invalid argument or query. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Missing credentials or scope. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Forbidden. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Not found (or not visible to the caller). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Already exists / conflicts. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Rate limit exceeded (`general_rate_limit_exceeded`). */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description A backing service is down; retry after `Retry-After` seconds. */
        Unavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /** @description Appwrite JSON query strings (`queries[0]=…`). */
        Queries: string[];
        Search: string;
        /** @description `false` skips counting (`total` is then 0). */
        Total: boolean;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    createAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    userId: components["schemas"]["CustomId"];
                    email: string;
                    password: string;
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createEmailPasswordSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmailPasswordSessionRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionList"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    createSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmailPasswordSessionRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    deleteSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    createAnonymousSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createJWT: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * @description Seconds until the JWT expires.
                     * @default 900
                     */
                    duration?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Jwt"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createJWTLegacy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * @description Seconds until the JWT expires.
                     * @default 900
                     */
                    duration?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Jwt"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateName: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    updatePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                    oldPassword?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPrefs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Preferences"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    updatePrefs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Free-form JSON object (≤ 64 KiB), replaces the current prefs. */
                    prefs: Record<string, never>;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    createBigintAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    required: boolean;
                    /** @description int64: a JSON integer literal (exact beyond 2^53) */
                    default?: unknown;
                    array?: boolean;
                    /** @description int64: a JSON integer literal (exact beyond 2^53) */
                    min?: unknown;
                    /** @description int64: a JSON integer literal (exact beyond 2^53) */
                    max?: unknown;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    updateBigintAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    required: boolean;
                    /** @description int64: a JSON integer literal (exact beyond 2^53) */
                    default?: unknown;
                    newKey?: string | null;
                    /** @description int64: a JSON integer literal (exact beyond 2^53) */
                    min?: unknown;
                    /** @description int64: a JSON integer literal (exact beyond 2^53) */
                    max?: unknown;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    createVarcharAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    required: boolean;
                    default?: string | null;
                    array?: boolean;
                    size: number;
                    encrypt?: boolean;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    updateVarcharAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    required: boolean;
                    default?: string | null;
                    newKey?: string | null;
                    size?: number | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    createTextAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    required: boolean;
                    default?: string | null;
                    array?: boolean;
                    encrypt?: boolean;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    updateTextAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    required: boolean;
                    default?: string | null;
                    newKey?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    createMediumtextAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    required: boolean;
                    default?: string | null;
                    array?: boolean;
                    encrypt?: boolean;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    updateMediumtextAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    required: boolean;
                    default?: string | null;
                    newKey?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    createLongtextAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    required: boolean;
                    default?: string | null;
                    array?: boolean;
                    encrypt?: boolean;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    updateLongtextAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    required: boolean;
                    default?: string | null;
                    newKey?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    createPointAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Never answered: the route always refuses (400). */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    updatePointAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Never answered: the route always refuses (400). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    createLineAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Never answered: the route always refuses (400). */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    updateLineAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Never answered: the route always refuses (400). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    createPolygonAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Never answered: the route always refuses (400). */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    updatePolygonAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Never answered: the route always refuses (400). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    listDatabases: {
        parameters: {
            query?: {
                /** @description Appwrite JSON query strings (`queries[0]=…`). */
                queries?: components["parameters"]["Queries"];
                search?: components["parameters"]["Search"];
                /** @description `false` skips counting (`total` is then 0). */
                total?: components["parameters"]["Total"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    createDatabase: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    databaseId: components["schemas"]["CustomId"];
                    name: string;
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Database"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
        };
    };
    getDatabase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Database"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    updateDatabase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Database"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteDatabase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listCollections: {
        parameters: {
            query?: {
                /** @description Appwrite JSON query strings (`queries[0]=…`). */
                queries?: components["parameters"]["Queries"];
                search?: components["parameters"]["Search"];
                /** @description `false` skips counting (`total` is then 0). */
                total?: components["parameters"]["Total"];
            };
            header?: never;
            path: {
                databaseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollectionList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    createCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    collectionId: components["schemas"]["CustomId"];
                    name: string;
                    permissions?: string[] | null;
                    documentSecurity?: boolean;
                    enabled?: boolean;
                    attributes?: components["schemas"]["InitialAttribute"][];
                    indexes?: components["schemas"]["IndexRequest"][];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Collection"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    getCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Collection"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    updateCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string | null;
                    permissions?: string[] | null;
                    documentSecurity?: boolean;
                    enabled?: boolean;
                    purge?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Collection"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listAttributes: {
        parameters: {
            query?: {
                /** @description Appwrite JSON query strings (`queries[0]=…`). */
                queries?: components["parameters"]["Queries"];
                /** @description `false` skips counting (`total` is then 0). */
                total?: components["parameters"]["Total"];
            };
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttributeList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    createStringAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    required: boolean;
                    default?: string | null;
                    array?: boolean;
                    size: number;
                    encrypt?: boolean;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    updateStringAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    required: boolean;
                    default?: string | null;
                    newKey?: string | null;
                    size?: number | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    createIntegerAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    required: boolean;
                    default?: number | null;
                    array?: boolean;
                    min?: number | null;
                    max?: number | null;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    updateIntegerAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    required: boolean;
                    default?: number | null;
                    newKey?: string | null;
                    min?: number | null;
                    max?: number | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    createFloatAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    required: boolean;
                    default?: number | null;
                    array?: boolean;
                    min?: number | null;
                    max?: number | null;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    updateFloatAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    required: boolean;
                    default?: number | null;
                    newKey?: string | null;
                    min?: number | null;
                    max?: number | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    createBooleanAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    required: boolean;
                    default?: boolean | null;
                    array?: boolean;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    updateBooleanAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    required: boolean;
                    default?: boolean | null;
                    newKey?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    createDatetimeAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    required: boolean;
                    default?: string | null;
                    array?: boolean;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    updateDatetimeAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    required: boolean;
                    default?: string | null;
                    newKey?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    createEmailAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    required: boolean;
                    default?: string | null;
                    array?: boolean;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    updateEmailAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    required: boolean;
                    default?: string | null;
                    newKey?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    createEnumAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    required: boolean;
                    default?: string | null;
                    array?: boolean;
                    elements: string[];
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    updateEnumAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    required: boolean;
                    default?: string | null;
                    newKey?: string | null;
                    elements?: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    createUrlAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    required: boolean;
                    default?: string | null;
                    array?: boolean;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    updateUrlAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    required: boolean;
                    default?: string | null;
                    newKey?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    createIpAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    required: boolean;
                    default?: string | null;
                    array?: boolean;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    updateIpAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    required: boolean;
                    default?: string | null;
                    newKey?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    getAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listIndexes: {
        parameters: {
            query?: {
                /** @description Appwrite JSON query strings (`queries[0]=…`). */
                queries?: components["parameters"]["Queries"];
                /** @description `false` skips counting (`total` is then 0). */
                total?: components["parameters"]["Total"];
            };
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IndexList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    createIndex: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IndexRequest"];
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Index"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    getIndex: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Index"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteIndex: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listDocuments: {
        parameters: {
            query?: {
                /** @description Appwrite JSON query strings (`queries[0]=…`). */
                queries?: components["parameters"]["Queries"];
                /** @description `false` skips counting (`total` is then 0). */
                total?: components["parameters"]["Total"];
                /** @description Read through this transaction: its staged writes replayed over committed data. */
                transactionId?: string;
                /** @description Accepted for SDK compatibility; no list cache yet. */
                ttl?: number;
            };
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    upsertDocuments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    documents: Record<string, never>[];
                    /** @description Stages the write in this transaction (checked now, applied on commit); the answer is a mock, nothing is written. */
                    transactionId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    createDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    documentId?: components["schemas"]["CustomId"];
                    data?: Record<string, never>;
                    permissions?: components["schemas"]["DocumentPermissions"];
                    documents?: Record<string, never>[];
                    /** @description Stages the write in this transaction (checked now, applied on commit); the answer is a mock, nothing is written. */
                    transactionId?: string;
                };
            };
        };
        responses: {
            /** @description Created (a Document */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"] | components["schemas"]["DocumentList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteDocuments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    queries?: components["schemas"]["QueryList"];
                    /** @description Stages the write in this transaction (checked now, applied on commit); the answer is a mock, nothing is written. */
                    transactionId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    updateDocuments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    data?: Record<string, never>;
                    queries?: components["schemas"]["QueryList"];
                    /** @description Stages the write in this transaction (checked now, applied on commit); the answer is a mock, nothing is written. */
                    transactionId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    getDocument: {
        parameters: {
            query?: {
                /** @description Appwrite JSON query strings (`queries[0]=…`). */
                queries?: components["parameters"]["Queries"];
                /** @description Read through this transaction: its staged writes replayed over committed data. */
                transactionId?: string;
            };
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                documentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    upsertDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                documentId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["DocumentWrite"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            /** @description Staged in a transaction (`transactionId`): a mock of the document. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                documentId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description Stages the delete in this transaction (checked now, applied on commit). */
                    transactionId?: string;
                };
            };
        };
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                documentId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["DocumentWrite"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    incrementDocumentAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                documentId: string;
                attribute: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    value?: number;
                    max?: number;
                    /** @description Stages the write in this transaction (checked now, applied on commit); the answer is a mock, nothing is written. */
                    transactionId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    decrementDocumentAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                documentId: string;
                attribute: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    value?: number;
                    min?: number;
                    /** @description Stages the write in this transaction (checked now, applied on commit); the answer is a mock, nothing is written. */
                    transactionId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthStatus"];
                };
            };
        };
    };
    getHealthDb: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthStatusList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["Unavailable"];
        };
    };
    getHealthCache: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthStatusList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["Unavailable"];
        };
    };
    ping: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "Pong!";
                };
            };
            404: components["responses"]["NotFound"];
        };
    };
    listProjects: {
        parameters: {
            query?: {
                /** @description Appwrite JSON query strings (`queries[0]=…`). */
                queries?: components["parameters"]["Queries"];
                search?: components["parameters"]["Search"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    createProject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description `unique()` or 1–36 chars of a-z, 0-9 and hyphen. */
                    projectId: string;
                    name: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
        };
    };
    getProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    updateProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @description Exact origins such as `https://app.example.com`. */
                    origins?: string[];
                    /** @description Session lifetime in seconds. */
                    authDuration?: number;
                    /** @description Cap on the project's open realtime connections per server process (default 1000). */
                    realtimeConnections?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    createKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    keyId?: components["schemas"]["CustomId"];
                    name: string;
                    scopes: components["schemas"]["KeyScope"][];
                    /** @description ISO 8601 expiry */
                    expire?: string | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Key"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    getKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Key"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    updateKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
                keyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    scopes?: components["schemas"]["KeyScope"][];
                    expire?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Key"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getProjectLimits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    updateProjectLimits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    limits: {
                        [key: string]: {
                            limit: number;
                            windowSeconds: number;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    realtimeConnect: {
        parameters: {
            query: {
                /** @description Project ID (or the `X-Appwrite-Project` header). */
                project: string;
                /** @description A JWT from `POST /account/jwts`. */
                jwt?: string;
                /** @description Legacy URL mode; the SDK subscribes by message instead. */
                "channels[]"?: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Switching Protocols (WebSocket). Every outcome after this is a frame. */
            101: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other upgrade path. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    createRelationshipAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    relatedCollectionId: string;
                    /** @enum {string} */
                    type: "oneToOne" | "manyToOne" | "manyToMany" | "oneToMany";
                    twoWay?: boolean;
                    key?: string | null;
                    twoWayKey?: string | null;
                    /** @enum {string} */
                    onDelete?: "cascade" | "restrict" | "setNull";
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    updateRelationshipAttribute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @enum {string|null} */
                    onDelete?: "cascade" | "restrict" | "setNull" | null;
                    newKey?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    updateRelationshipAttributeBySdkPath: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                collectionId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @enum {string|null} */
                    onDelete?: "cascade" | "restrict" | "setNull" | null;
                    newKey?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attribute"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    listTeams: {
        parameters: {
            query?: {
                /** @description Appwrite JSON query strings (`queries[0]=…`). */
                queries?: components["parameters"]["Queries"];
                search?: components["parameters"]["Search"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    createTeam: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    teamId: components["schemas"]["CustomId"];
                    name: string;
                    roles?: components["schemas"]["TeamRoles"];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Team"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
        };
    };
    getTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                teamId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Team"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    updateTeamName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                teamId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Team"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                teamId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listMemberships: {
        parameters: {
            query?: {
                /** @description Appwrite JSON query strings (`queries[0]=…`). */
                queries?: components["parameters"]["Queries"];
            };
            header?: never;
            path: {
                teamId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MembershipList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    createMembership: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                teamId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    userId?: string;
                    email?: string;
                    name?: string;
                    roles: components["schemas"]["TeamRoles"];
                    /** @description Accepted for SDK compatibility; unused. */
                    url?: string;
                    /** @description Accepted for SDK compatibility; unused. */
                    phone?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Membership"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    getMembership: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                teamId: string;
                membershipId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Membership"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteMembership: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                teamId: string;
                membershipId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    updateMembership: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                teamId: string;
                membershipId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    roles: components["schemas"]["TeamRoles"];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Membership"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listTransactions: {
        parameters: {
            query?: {
                /** @description Appwrite JSON query strings (`queries[0]=…`). */
                queries?: components["parameters"]["Queries"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransactionList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    createTransaction: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description Seconds until the transaction expires (default 300). */
                    ttl?: number;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transaction"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    getTransaction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                transactionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transaction"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteTransaction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                transactionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    updateTransaction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                transactionId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    commit?: boolean;
                    rollback?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transaction"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            /** @description The transaction has expired. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createOperations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                transactionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    operations: Record<string, never>[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transaction"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            /** @description The transaction has expired. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description Appwrite JSON query strings (`queries[0]=…`). */
                queries?: components["parameters"]["Queries"];
                search?: components["parameters"]["Search"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    userId: components["schemas"]["CustomId"];
                    email?: string;
                    password?: string;
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    updateUserLabels: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    labels: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    updateUserStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    status: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    updateUserEmailVerification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    emailVerification: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listUserSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    createUserSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteUserSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteUserSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    tablesDBCreateBigIntColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    required: boolean;
                    /** @description int64: a JSON integer literal (exact beyond 2^53) */
                    default?: unknown;
                    array?: boolean;
                    /** @description int64: a JSON integer literal (exact beyond 2^53) */
                    min?: unknown;
                    /** @description int64: a JSON integer literal (exact beyond 2^53) */
                    max?: unknown;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBUpdateBigIntColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    required: boolean;
                    /** @description int64: a JSON integer literal (exact beyond 2^53) */
                    default?: unknown;
                    newKey?: string | null;
                    /** @description int64: a JSON integer literal (exact beyond 2^53) */
                    min?: unknown;
                    /** @description int64: a JSON integer literal (exact beyond 2^53) */
                    max?: unknown;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBCreateVarcharColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    required: boolean;
                    default?: string | null;
                    array?: boolean;
                    size: number;
                    encrypt?: boolean;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBUpdateVarcharColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    required: boolean;
                    default?: string | null;
                    newKey?: string | null;
                    size?: number | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBCreateTextColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    required: boolean;
                    default?: string | null;
                    array?: boolean;
                    encrypt?: boolean;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBUpdateTextColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    required: boolean;
                    default?: string | null;
                    newKey?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBCreateMediumtextColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    required: boolean;
                    default?: string | null;
                    array?: boolean;
                    encrypt?: boolean;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBUpdateMediumtextColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    required: boolean;
                    default?: string | null;
                    newKey?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBCreateLongtextColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    required: boolean;
                    default?: string | null;
                    array?: boolean;
                    encrypt?: boolean;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBUpdateLongtextColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    required: boolean;
                    default?: string | null;
                    newKey?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBCreatePointColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Never answered: the route always refuses (400). */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    tablesDBUpdatePointColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Never answered: the route always refuses (400). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    tablesDBCreateLineColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Never answered: the route always refuses (400). */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    tablesDBUpdateLineColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Never answered: the route always refuses (400). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    tablesDBCreatePolygonColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Never answered: the route always refuses (400). */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    tablesDBUpdatePolygonColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Never answered: the route always refuses (400). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    tablesDBList: {
        parameters: {
            query?: {
                /** @description Appwrite JSON query strings (`queries[0]=…`). */
                queries?: components["parameters"]["Queries"];
                search?: components["parameters"]["Search"];
                /** @description `false` skips counting (`total` is then 0). */
                total?: components["parameters"]["Total"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    tablesDBCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    databaseId: components["schemas"]["CustomId"];
                    name: string;
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Database"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Database"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    tablesDBUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Database"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    tablesDBDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    tablesDBListTables: {
        parameters: {
            query?: {
                /** @description Appwrite JSON query strings (`queries[0]=…`). */
                queries?: components["parameters"]["Queries"];
                search?: components["parameters"]["Search"];
                /** @description `false` skips counting (`total` is then 0). */
                total?: components["parameters"]["Total"];
            };
            header?: never;
            path: {
                databaseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TableList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    tablesDBCreateTable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    tableId: components["schemas"]["CustomId"];
                    name: string;
                    permissions?: string[] | null;
                    rowSecurity?: boolean;
                    enabled?: boolean;
                    columns?: components["schemas"]["InitialAttribute"][];
                    indexes?: components["schemas"]["IndexRequest"][];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Table"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBGetTable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Table"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    tablesDBUpdateTable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string | null;
                    permissions?: string[] | null;
                    rowSecurity?: boolean;
                    enabled?: boolean;
                    purge?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Table"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    tablesDBDeleteTable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    tablesDBListColumns: {
        parameters: {
            query?: {
                /** @description Appwrite JSON query strings (`queries[0]=…`). */
                queries?: components["parameters"]["Queries"];
                /** @description `false` skips counting (`total` is then 0). */
                total?: components["parameters"]["Total"];
            };
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ColumnList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    tablesDBCreateStringColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    required: boolean;
                    default?: string | null;
                    array?: boolean;
                    size: number;
                    encrypt?: boolean;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBUpdateStringColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    required: boolean;
                    default?: string | null;
                    newKey?: string | null;
                    size?: number | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBCreateIntegerColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    required: boolean;
                    default?: number | null;
                    array?: boolean;
                    min?: number | null;
                    max?: number | null;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBUpdateIntegerColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    required: boolean;
                    default?: number | null;
                    newKey?: string | null;
                    min?: number | null;
                    max?: number | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBCreateFloatColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    required: boolean;
                    default?: number | null;
                    array?: boolean;
                    min?: number | null;
                    max?: number | null;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBUpdateFloatColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    required: boolean;
                    default?: number | null;
                    newKey?: string | null;
                    min?: number | null;
                    max?: number | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBCreateBooleanColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    required: boolean;
                    default?: boolean | null;
                    array?: boolean;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBUpdateBooleanColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    required: boolean;
                    default?: boolean | null;
                    newKey?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBCreateDatetimeColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    required: boolean;
                    default?: string | null;
                    array?: boolean;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBUpdateDatetimeColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    required: boolean;
                    default?: string | null;
                    newKey?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBCreateEmailColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    required: boolean;
                    default?: string | null;
                    array?: boolean;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBUpdateEmailColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    required: boolean;
                    default?: string | null;
                    newKey?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBCreateEnumColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    required: boolean;
                    default?: string | null;
                    array?: boolean;
                    elements: string[];
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBUpdateEnumColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    required: boolean;
                    default?: string | null;
                    newKey?: string | null;
                    elements?: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBCreateUrlColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    required: boolean;
                    default?: string | null;
                    array?: boolean;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBUpdateUrlColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    required: boolean;
                    default?: string | null;
                    newKey?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBCreateIpColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    required: boolean;
                    default?: string | null;
                    array?: boolean;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBUpdateIpColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    required: boolean;
                    default?: string | null;
                    newKey?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBGetColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    tablesDBDeleteColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBListIndexes: {
        parameters: {
            query?: {
                /** @description Appwrite JSON query strings (`queries[0]=…`). */
                queries?: components["parameters"]["Queries"];
                /** @description `false` skips counting (`total` is then 0). */
                total?: components["parameters"]["Total"];
            };
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ColumnIndexList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    tablesDBCreateIndex: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    /** @description key, unique or fulltext (spatial is not supported). */
                    type: string;
                    columns: string[];
                    orders?: (string | null)[] | null;
                    lengths?: (number | null)[] | null;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ColumnIndex"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBGetIndex: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ColumnIndex"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    tablesDBDeleteIndex: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    tablesDBListRows: {
        parameters: {
            query?: {
                /** @description Appwrite JSON query strings (`queries[0]=…`). */
                queries?: components["parameters"]["Queries"];
                /** @description `false` skips counting (`total` is then 0). */
                total?: components["parameters"]["Total"];
                /** @description Read through this transaction: its staged writes replayed over committed data. */
                transactionId?: string;
                /** @description Accepted for SDK compatibility; no list cache yet. */
                ttl?: number;
            };
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RowList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    tablesDBUpsertRows: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rows: Record<string, never>[];
                    /** @description Stages the write in this transaction (checked now, applied on commit); the answer is a mock, nothing is written. */
                    transactionId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RowList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBCreateRow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rowId?: components["schemas"]["CustomId"];
                    data?: Record<string, never>;
                    permissions?: components["schemas"]["DocumentPermissions"];
                    rows?: Record<string, never>[];
                    /** @description Stages the write in this transaction (checked now, applied on commit); the answer is a mock, nothing is written. */
                    transactionId?: string;
                };
            };
        };
        responses: {
            /** @description Created (a Row */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Row"] | components["schemas"]["RowList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    tablesDBDeleteRows: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    queries?: components["schemas"]["QueryList"];
                    /** @description Stages the write in this transaction (checked now, applied on commit); the answer is a mock, nothing is written. */
                    transactionId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RowList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    tablesDBUpdateRows: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    data?: Record<string, never>;
                    queries?: components["schemas"]["QueryList"];
                    /** @description Stages the write in this transaction (checked now, applied on commit); the answer is a mock, nothing is written. */
                    transactionId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RowList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBGetRow: {
        parameters: {
            query?: {
                /** @description Appwrite JSON query strings (`queries[0]=…`). */
                queries?: components["parameters"]["Queries"];
                /** @description Read through this transaction: its staged writes replayed over committed data. */
                transactionId?: string;
            };
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                rowId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Row"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    tablesDBUpsertRow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                rowId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    data?: Record<string, never>;
                    permissions?: components["schemas"]["DocumentPermissions"];
                    /** @description Stages the write in this transaction (checked now, applied on commit); the answer is a mock, nothing is written. */
                    transactionId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Row"];
                };
            };
            /** @description Staged in a transaction (`transactionId`): a mock of the row. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    tablesDBDeleteRow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                rowId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description Stages the delete in this transaction (checked now, applied on commit). */
                    transactionId?: string;
                };
            };
        };
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    tablesDBUpdateRow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                rowId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    data?: Record<string, never>;
                    permissions?: components["schemas"]["DocumentPermissions"];
                    /** @description Stages the write in this transaction (checked now, applied on commit); the answer is a mock, nothing is written. */
                    transactionId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Row"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    tablesDBIncrementRowColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                rowId: string;
                column: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    value?: number;
                    max?: number;
                    /** @description Stages the write in this transaction (checked now, applied on commit); the answer is a mock, nothing is written. */
                    transactionId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Row"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    tablesDBDecrementRowColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                rowId: string;
                column: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    value?: number;
                    min?: number;
                    /** @description Stages the write in this transaction (checked now, applied on commit); the answer is a mock, nothing is written. */
                    transactionId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Row"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    tablesDBCreateRelationshipColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    relatedTableId: string;
                    /** @enum {string} */
                    type: "oneToOne" | "manyToOne" | "manyToMany" | "oneToMany";
                    twoWay?: boolean;
                    key?: string | null;
                    twoWayKey?: string | null;
                    /** @enum {string} */
                    onDelete?: "cascade" | "restrict" | "setNull";
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBUpdateRelationshipColumn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                databaseId: string;
                tableId: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @enum {string|null} */
                    onDelete?: "cascade" | "restrict" | "setNull" | null;
                    newKey?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Column"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    tablesDBListTransactions: {
        parameters: {
            query?: {
                /** @description Appwrite JSON query strings (`queries[0]=…`). */
                queries?: components["parameters"]["Queries"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransactionList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    tablesDBCreateTransaction: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description Seconds until the transaction expires (default 300). */
                    ttl?: number;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transaction"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    tablesDBGetTransaction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                transactionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transaction"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    tablesDBDeleteTransaction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                transactionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    tablesDBUpdateTransaction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                transactionId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    commit?: boolean;
                    rollback?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transaction"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            /** @description The transaction has expired. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    tablesDBCreateOperations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                transactionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    operations: Record<string, never>[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transaction"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            /** @description The transaction has expired. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
